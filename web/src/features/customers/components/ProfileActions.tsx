import { CrownOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../shared/session';
import type { Customer } from '../api/useCustomers';
import { EditCustomerModal } from './EditCustomerModal';
import { MergeModal } from './MergeModal';
import { VipModal } from './VipModal';

type Dialog = 'edit' | 'vip' | 'merge' | null;

/** Changes to an active profile, each shown only to roles that may make it. */
export function ProfileActions({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState<Dialog>(null);
  if (customer.status !== 'active') return null;
  const close = () => setOpen(null);

  return (
    <Space wrap>
      {hasPermission(me.data, 'customers.write') && (
        <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>{t('common.edit')}</Button>
      )}
      {hasPermission(me.data, 'customers.segments') && (
        <Button icon={<CrownOutlined />} onClick={() => setOpen('vip')}>{t('customers.vip.button')}</Button>
      )}
      {hasPermission(me.data, 'customers.merge') && (
        <Button icon={<MergeCellsOutlined />} onClick={() => setOpen('merge')}>{t('customers.merge.button')}</Button>
      )}
      <EditCustomerModal customer={customer} open={open === 'edit'} onClose={close} />
      <VipModal customer={customer} open={open === 'vip'} onClose={close} />
      <MergeModal customer={customer} open={open === 'merge'} onClose={close} />
    </Space>
  );
}
