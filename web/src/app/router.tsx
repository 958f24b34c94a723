import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../shared/layout';
import { RealtimeProvider } from '../shared/realtime';
import { RequirePermission, SessionGate } from '../shared/session';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from '../shared/ui';

/** Pages reachable without signing in; a 401 there must not bounce the visitor to /login. */
export const publicPaths = ['/login', '/pair'];

// Pages load on demand so that a kiosk opening /pair does not download the administration screens.
export const router = createBrowserRouter([
  {
    path: '/login',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/auth/pages/LoginPage')).LoginPage }),
  },
  {
    path: '/pair',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/devices/pages/PairDevicePage')).PairDevicePage }),
  },
  {
    path: '/',
    HydrateFallback: PageLoading,
    element: (
      <SessionGate>
        <RealtimeProvider>
          <AppLayout />
        </RealtimeProvider>
      </SessionGate>
    ),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/home/pages/HomePage')).HomePage }) },
      { path: 'account', lazy: async () => ({ Component: (await import('../features/account/pages/AccountPage')).AccountPage }) },
      {
        path: 'admin/branches',
        element: <RequirePermission permission="organisation.manage" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/admin/pages/BranchesPage')).BranchesPage }) },
          {
            path: ':code',
            // The devices tab belongs to the devices feature; features meet only here, at the app level.
            lazy: async () => {
              const [{ BranchDetailPage }, { BranchDevicesPanel }] = await Promise.all([
                import('../features/admin/pages/BranchDetailPage'),
                import('../features/devices/components/BranchDevicesPanel'),
              ]);
              return {
                Component: () => <BranchDetailPage renderDevices={(branchCode) => <BranchDevicesPanel branchCode={branchCode} />} />,
              };
            },
          },
        ],
      },
      {
        path: 'admin/users',
        element: <RequirePermission permission="users.manage" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/admin/pages/UsersPage')).UsersPage }) }],
      },
      {
        path: 'admin/tokens',
        element: <RequirePermission permission="tokens.manage" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/admin/pages/ApiTokensPage')).ApiTokensPage }) }],
      },
      {
        path: 'admin/audit',
        element: <RequirePermission permission="audit.read" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/audit/pages/AuditLogPage')).AuditLogPage }) }],
      },
      {
        path: 'admin/settings',
        element: <RequirePermission permission="settings.manage" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/admin/pages/SettingsPage')).SettingsPage }) }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
