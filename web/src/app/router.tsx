import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../shared/layout';
import { RealtimeProvider } from '../shared/realtime';
import { RequirePermission, SessionGate } from '../shared/session';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from '../shared/ui';

/** Pages reachable without signing in; a 401 there must not bounce the visitor to /login. */
const publicPaths = ['/login', '/pair', '/pad', '/help'];
/** Full-screen pages of devices and customers (kiosk, lobby display, ticket on a phone): never a sign-in redirect. */
const publicPrefixes = ['/kiosk/', '/q/', '/t/', '/display/', '/s/', '/help/'];

export function isPublicPath(pathname: string): boolean {
  return publicPaths.includes(pathname) || publicPrefixes.some((prefix) => pathname.startsWith(prefix));
}

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
  // Devices' and customers' full-screen pages, without the staff frame.
  {
    path: '/kiosk/:branch',
    HydrateFallback: PageLoading,
    lazy: async () => {
      const { KioskPage } = await import('../features/queue/pages/KioskPage');
      return { Component: () => <KioskPage mode="kiosk" /> };
    },
  },
  {
    path: '/q/:branch',
    HydrateFallback: PageLoading,
    lazy: async () => {
      const { KioskPage } = await import('../features/queue/pages/KioskPage');
      return { Component: () => <KioskPage mode="phone" /> };
    },
  },
  {
    path: '/t/:id',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/queue/pages/TicketStatusPage')).TicketStatusPage }),
  },
  {
    path: '/s/:token',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/feedback/pages/SurveyPage')).SurveyPage }),
  },
  // The public help centre, for the organisation and per branch.
  ...['/help', '/help/:branch'].map((path) => ({
    path,
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/knowledge/pages/HelpCentrePage')).HelpCentrePage }),
  })),
  ...['/help/a/:id', '/help/:branch/a/:id'].map((path) => ({
    path,
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/knowledge/pages/HelpArticlePage')).HelpArticlePage }),
  })),
  {
    path: '/display/:branch',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/queue/pages/LobbyDisplayPage')).LobbyDisplayPage }),
  },
  {
    path: '/pad',
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/queue/pages/EvaluationPadPage')).EvaluationPadPage }),
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
      {
        path: 'counter',
        element: <RequirePermission permission="queue.serve" />,
        children: [
          {
            index: true,
            lazy: async () => {
              const { QueueChooserPage } = await import('../features/queue/pages/QueueChooserPage');
              return { Component: () => <QueueChooserPage target="counter" /> };
            },
          },
          { path: ':branch/:number', lazy: async () => ({ Component: (await import('../features/queue/pages/CounterPage')).CounterPage }) },
        ],
      },
      {
        path: 'board',
        element: <RequirePermission permission="queue.board" />,
        children: [
          {
            index: true,
            lazy: async () => {
              const { QueueChooserPage } = await import('../features/queue/pages/QueueChooserPage');
              return { Component: () => <QueueChooserPage target="board" /> };
            },
          },
          { path: ':branch', lazy: async () => ({ Component: (await import('../features/queue/pages/QueueBoardPage')).QueueBoardPage }) },
        ],
      },
      {
        path: 'feedback',
        element: <RequirePermission permission="feedback.read" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/feedback/pages/FeedbackPage')).FeedbackPage }) },
          { path: 'templates', lazy: async () => ({ Component: (await import('../features/feedback/pages/SurveyTemplatesPage')).SurveyTemplatesPage }) },
        ],
      },
      {
        path: 'callbacks',
        element: <RequirePermission permission="feedback.call" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/feedback/pages/CallBacksPage')).CallBacksPage }) }],
      },
      {
        path: 'customers',
        element: <RequirePermission permission="customers.read" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/customers/pages/CustomersPage')).CustomersPage }) },
          { path: 'segments', lazy: async () => ({ Component: (await import('../features/customers/pages/SegmentsPage')).SegmentsPage }) },
          { path: ':id', lazy: async () => ({ Component: (await import('../features/customers/pages/CustomerProfilePage')).CustomerProfilePage }) },
        ],
      },
      {
        path: 'cases',
        element: <RequirePermission permission="cases.read" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/cases/pages/CasesPage')).CasesPage }) },
          { path: 'macros', lazy: async () => ({ Component: (await import('../features/cases/pages/MacrosPage')).MacrosPage }) },
          {
            path: 'unparsed-mail',
            element: <RequirePermission permission="cases.supervise" />,
            children: [{ index: true, lazy: async () => ({ Component: (await import('../features/caseWorkspace/UnparsedMailPage')).UnparsedMailPage }) }],
          },
          { path: ':id', lazy: async () => ({ Component: (await import('../features/cases/pages/CaseDetailPage')).CaseDetailPage }) },
        ],
      },
      {
        path: 'knowledge',
        element: <RequirePermission permission="knowledge.read" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/knowledge/pages/KnowledgePage')).KnowledgePage }) },
          { path: ':id', lazy: async () => ({ Component: (await import('../features/knowledge/pages/ArticleEditorPage')).ArticleEditorPage }) },
        ],
      },
      { path: 'search', lazy: async () => ({ Component: (await import('../features/search/pages/SearchPage')).SearchPage }) },
      {
        path: 'encounters',
        element: <RequirePermission permission="cases.read" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/cases/pages/EncountersPage')).EncountersPage }) }],
      },
      {
        path: 'chats',
        element: <RequirePermission permission="cases.read" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/chat/pages/ChatsPage')).ChatsPage }) }],
      },
      {
        path: 'admin/messaging',
        element: <RequirePermission permission="settings.manage" />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/chat/pages/MessagingChannelsPage')).MessagingChannelsPage }) },
        ],
      },
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
        path: 'admin/teams',
        element: <RequirePermission permission="organisation.manage" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/teams/pages/TeamsPage')).TeamsPage }) }],
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
        path: 'commitments',
        element: <RequirePermission permission="cases.write" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/automation/pages/CommitmentsPage')).CommitmentsPage }) }],
      },
      {
        path: 'admin/case-rules',
        element: <RequirePermission permission="cases.manage" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/automation/pages/CaseRulesPage')).CaseRulesPage }) }],
      },
      {
        path: 'admin/assist',
        element: <RequirePermission permission="cases.manage" />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('../features/assist/pages/AssistIntentsPage')).AssistIntentsPage }) }],
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
