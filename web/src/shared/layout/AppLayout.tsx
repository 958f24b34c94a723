import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PresenceSwitch } from '../presence';
import { PhoneCallPop } from '../../features/caseWorkspace/PhoneCallPop';
import { ConnectionBadge } from '../realtime';
import { hasPermission } from '../session/permissions';
import { useMe } from '../session/useMe';
import { Brand } from './Brand';
import { BranchContextSelect } from './BranchContextSelect';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitcher } from './LanguageSwitcher';
import { activeNavigationPath, navigationItems } from './navigation';
import { UserMenu } from './UserMenu';

/** The signed-in shell: menu on the side, context and personal controls on top, the page in the middle. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const [collapsed, setCollapsed] = useState(false);

  const items = navigationItems
    .filter((item) => !item.permission || hasPermission(me, item.permission))
    .map((item) => ({ key: item.path, icon: item.icon, label: <Link to={item.path}>{t(item.labelKey)}</Link> }));

  return (
    <Layout className="tp-shell">
      <Layout.Sider collapsible collapsed={collapsed} trigger={null} breakpoint="lg" onBreakpoint={setCollapsed} width={232}>
        <Brand tone="dark" compact={collapsed} />
        <nav aria-label={t('nav.label')}>
          <Menu theme="dark" mode="inline" selectedKeys={[activeNavigationPath(pathname)]} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="tp-header">
          <Space size="middle" align="center">
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
            />
            <BranchContextSelect />
            <HeaderSearch />
          </Space>
          <Space size="middle">
            <PresenceSwitch />
            <ConnectionBadge />
            <LanguageSwitcher />
            <UserMenu />
          </Space>
        </Layout.Header>
        {/* Layout.Content renders the page's <main> landmark. */}
        <Layout.Content className="tp-content">
          <Outlet />
          <PhoneCallPop />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
