import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../shared/session';
import { useProblemReporter } from '../../../shared/ui';
import { downloadCustomerExport, useEraseCustomer, type Customer } from '../api/useCustomers';

/** Export everything about the customer, or erase their personal data, for roles that may. */
export function PrivacyActions({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const me = useMe();
  const erase = useEraseCustomer(customer.id);
  const reportProblem = useProblemReporter();
  const [exporting, setExporting] = useState(false);

  return (
    <Space wrap>
      {hasPermission(me.data, 'customers.export') && (
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => {
            setExporting(true);
            downloadCustomerExport(customer.id).catch((error: unknown) => reportProblem(error)).finally(() => setExporting(false));
          }}
        >
          {t('customers.export')}
        </Button>
      )}
      {hasPermission(me.data, 'customers.erase') && customer.status !== 'erased' && (
        <Popconfirm
          title={t('customers.eraseConfirm')}
          description={t('customers.eraseHint')}
          okText={t('customers.erase')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => erase.mutate(undefined, { onError: (error) => reportProblem(error) })}
        >
          <Button danger icon={<DeleteOutlined />} loading={erase.isPending}>
            {t('customers.erase')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
