import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { QueryErrorAlert } from '../../../shared/ui';
import { hasPermission, useMe } from '../../../shared/session';
import { useCustomerSearch, type CustomerSummary } from '../api/useCustomers';
import { CreateCustomerModal } from '../components/CreateCustomerModal';
import { VipTag } from '../components/VipTag';

/** One search box for a name, a phone number, an email or a membership / national id; every result masked. */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q);
  const me = useMe();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeading
        title={t('customers.title')}
        extra={
          <Space>
            <Link to="/customers/segments">{t('customers.segmentsLink')}</Link>
            {hasPermission(me.data, 'customers.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('customers.create')}
              </Button>
            )}
          </Space>
        }
      />
      <CreateCustomerModal open={creating} onClose={() => setCreating(false)} />
      <Input.Search
        aria-label={t('customers.search')}
        placeholder={t('customers.searchPlaceholder')}
        enterButton={t('common.search')}
        allowClear
        onSearch={(value) => setQ(value.trim())}
        style={{ maxWidth: 560, marginBottom: 16 }}
      />
      <QueryErrorAlert error={customers.error} onRetry={() => void customers.refetch()} />
      <Table<CustomerSummary>
        rowKey="id"
        size="middle"
        loading={customers.isFetching}
        dataSource={customers.data}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: q ? t('customers.noMatch') : t('customers.none') }}
        columns={[
          {
            key: 'name',
            title: t('customers.name'),
            render: (_, c) => <Link to={`/customers/${c.id}`}>{c.name || t('customers.noName')}</Link>,
          },
          { key: 'phone', title: t('customers.phone'), dataIndex: 'phone' },
          { key: 'email', title: t('customers.email'), dataIndex: 'email' },
          {
            key: 'tier',
            title: t('customers.tier'),
            render: (_, c) => (
              <Space size={4} wrap>
                <Tag>{t(`customers.tiers.${c.tier}`, { defaultValue: c.tier })}</Tag>
                {c.vip && <VipTag>VIP</VipTag>}
              </Space>
            ),
          },
          {
            key: 'needs',
            title: t('customers.needs'),
            render: (_, c) => c.needs.map((n) => <Tag key={n}>{t(`customers.need.${n}`, { defaultValue: n })}</Tag>),
          },
          { key: 'home', title: t('customers.homeBranch'), dataIndex: 'homeBranch', width: 110 },
          { key: 'seen', title: t('customers.lastSeen'), render: (_, c) => formatDateTime(c.lastSeenAt, i18n.language), width: 190 },
        ]}
      />
    </>
  );
}
