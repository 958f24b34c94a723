import {
  ApartmentOutlined,
  ApiOutlined,
  BulbOutlined,
  AuditOutlined,
  CommentOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DesktopOutlined,
  LikeOutlined,
  PhoneOutlined,
  ReadOutlined,
  ScheduleOutlined,
  ThunderboltOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  KeyOutlined,
  SettingOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../session/permissions';

export interface NavigationItem {
  path: string;
  labelKey:
    | 'nav.home'
    | 'nav.counter'
    | 'nav.cases'
    | 'nav.encounters'
    | 'nav.feedback'
    | 'nav.callBacks'
    | 'nav.surveys'
    | 'nav.chats'
    | 'nav.messaging'
    | 'nav.queueBoard'
    | 'nav.customers'
    | 'nav.branches'
    | 'nav.teams'
    | 'nav.users'
    | 'nav.apiTokens'
    | 'nav.audit'
    | 'nav.settings'
    | 'nav.assist'
    | 'nav.knowledge'
    | 'nav.commitments'
    | 'nav.caseRules'
    | 'nav.account';
  icon: ReactNode;
  /** Hidden from the menu without it; the route itself is guarded by RequirePermission too. */
  permission?: Permission;
}

export const navigationItems: NavigationItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> },
  { path: '/counter', labelKey: 'nav.counter', icon: <DesktopOutlined />, permission: 'queue.serve' },
  { path: '/board', labelKey: 'nav.queueBoard', icon: <DashboardOutlined />, permission: 'queue.board' },
  { path: '/customers', labelKey: 'nav.customers', icon: <ContactsOutlined />, permission: 'customers.read' },
  { path: '/cases', labelKey: 'nav.cases', icon: <FileTextOutlined />, permission: 'cases.read' },
  { path: '/encounters', labelKey: 'nav.encounters', icon: <CustomerServiceOutlined />, permission: 'cases.read' },
  { path: '/commitments', labelKey: 'nav.commitments', icon: <ScheduleOutlined />, permission: 'cases.write' },
  { path: '/feedback', labelKey: 'nav.feedback', icon: <LikeOutlined />, permission: 'feedback.read' },
  { path: '/feedback/templates', labelKey: 'nav.surveys', icon: <FormOutlined />, permission: 'feedback.manage' },
  { path: '/callbacks', labelKey: 'nav.callBacks', icon: <PhoneOutlined />, permission: 'feedback.call' },
  { path: '/chats', labelKey: 'nav.chats', icon: <CommentOutlined />, permission: 'cases.read' },
  { path: '/knowledge', labelKey: 'nav.knowledge', icon: <ReadOutlined />, permission: 'knowledge.read' },
  { path: '/admin/branches', labelKey: 'nav.branches', icon: <ApartmentOutlined />, permission: 'organisation.manage' },
  { path: '/admin/teams', labelKey: 'nav.teams', icon: <UsergroupAddOutlined />, permission: 'organisation.manage' },
  { path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'users.manage' },
  { path: '/admin/tokens', labelKey: 'nav.apiTokens', icon: <KeyOutlined />, permission: 'tokens.manage' },
  { path: '/admin/messaging', labelKey: 'nav.messaging', icon: <ApiOutlined />, permission: 'settings.manage' },
  { path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/admin/assist', labelKey: 'nav.assist', icon: <BulbOutlined />, permission: 'cases.manage' },
  { path: '/admin/case-rules', labelKey: 'nav.caseRules', icon: <ThunderboltOutlined />, permission: 'cases.manage' },
  { path: '/admin/settings', labelKey: 'nav.settings', icon: <SettingOutlined />, permission: 'settings.manage' },
  { path: '/account', labelKey: 'nav.account', icon: <UserOutlined /> },
];

/** The menu entry to highlight: the longest path that prefixes the current location. */
export function activeNavigationPath(pathname: string): string {
  return navigationItems
    .map((item) => item.path)
    .filter((path) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0] ?? '/';
}
