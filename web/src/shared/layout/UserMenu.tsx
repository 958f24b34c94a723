import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../session/useMe';
import { useSignOut } from '../session/useSignOut';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signOut = useSignOut();

  const items: MenuProps['items'] = [
    { key: 'account', icon: <LockOutlined />, label: t('userMenu.changePassword'), onClick: () => void navigate('/account') },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('userMenu.signOut'), onClick: () => signOut.mutate() },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {me?.displayName ?? me?.userName}
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
