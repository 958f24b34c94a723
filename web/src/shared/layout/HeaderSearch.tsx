import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission } from '../session/permissions';
import { useMe } from '../session/useMe';

/** The search box in the staff header: Enter opens the search page with the words typed. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  if (!hasPermission(me, 'cases.read') && !hasPermission(me, 'customers.read')) return null;
  // The header's 64 px line height would stretch the input group's cells and lift the box to the top.
  return (
    <div style={{ display: 'flex', alignItems: 'center', lineHeight: 'normal' }}>
      <Input.Search
        allowClear
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        style={{ width: 280 }}
        onSearch={(value) => value.trim() && navigate(`/search?q=${encodeURIComponent(value.trim())}`)}
      />
    </div>
  );
}
