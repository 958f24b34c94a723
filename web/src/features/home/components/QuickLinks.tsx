import { ApartmentOutlined, AuditOutlined, KeyOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, type Me, type Permission } from '../../../shared/session';

interface QuickLink {
  to: string;
  icon: ReactNode;
  titleKey: 'nav.branches' | 'nav.users' | 'nav.apiTokens' | 'nav.audit' | 'nav.settings' | 'nav.account';
  descriptionKey:
    | 'home.links.branches'
    | 'home.links.users'
    | 'home.links.apiTokens'
    | 'home.links.audit'
    | 'home.links.settings'
    | 'home.links.account';
  permission?: Permission;
}

const links: QuickLink[] = [
  { to: '/admin/branches', icon: <ApartmentOutlined />, titleKey: 'nav.branches', descriptionKey: 'home.links.branches', permission: 'organisation.manage' },
  { to: '/admin/users', icon: <TeamOutlined />, titleKey: 'nav.users', descriptionKey: 'home.links.users', permission: 'users.manage' },
  { to: '/admin/tokens', icon: <KeyOutlined />, titleKey: 'nav.apiTokens', descriptionKey: 'home.links.apiTokens', permission: 'tokens.manage' },
  { to: '/admin/audit', icon: <AuditOutlined />, titleKey: 'nav.audit', descriptionKey: 'home.links.audit', permission: 'audit.read' },
  { to: '/admin/settings', icon: <SettingOutlined />, titleKey: 'nav.settings', descriptionKey: 'home.links.settings', permission: 'settings.manage' },
  { to: '/account', icon: <UserOutlined />, titleKey: 'nav.account', descriptionKey: 'home.links.account' },
];

/** Shortcuts to what this person's roles let them do. */
export function QuickLinks({ me }: { me: Me }) {
  const { t } = useTranslation();
  const visible = links.filter((link) => !link.permission || hasPermission(me, link.permission));
  return (
    <Row gutter={[16, 16]}>
      {visible.map((link) => (
        <Col xs={24} sm={12} lg={8} key={link.to}>
          <Link to={link.to} style={{ display: 'block', height: '100%' }}>
            <Card hoverable style={{ height: '100%' }}>
              <Card.Meta
                avatar={<span style={{ fontSize: 24 }} aria-hidden>{link.icon}</span>}
                title={t(link.titleKey)}
                description={<Typography.Text type="secondary">{t(link.descriptionKey)}</Typography.Text>}
              />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
