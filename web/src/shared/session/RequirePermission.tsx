import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { hasPermission, type Permission } from './permissions';
import { useMe } from './useMe';

/** Guards a group of routes; the menu already hides them, this covers typed-in addresses. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!hasPermission(me, permission)) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  }
  return <Outlet />;
}
