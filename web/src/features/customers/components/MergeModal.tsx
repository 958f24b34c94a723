import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useCustomerSearch, useMergeCustomer, type Customer } from '../api/useCustomers';

interface Values {
  otherId: string;
  reason: string;
}

/**
 * Merges a duplicate into this profile: its history, contact points and identifiers move here and the duplicate points
 * to this profile from then on. Candidates are found with the same search box as the customer list (masked).
 */
export function MergeModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const candidates = useCustomerSearch(q);
  const merge = useMergeCustomer(customer.id);
  const reportProblem = useProblemReporter();

  return (
    <FormModal open={open} title={t('customers.merge.title')} form={form} saving={merge.isPending} onCancel={onClose} okText={t('customers.merge.action')}
      onSubmit={(v) => merge.mutate({ otherId: v.otherId, reason: v.reason.trim() }, { onSuccess: onClose, onError: (error) => reportProblem(error, form) })}>
      <p>{t('customers.merge.explain')}</p>
      <Form.Item name="otherId" label={t('customers.merge.duplicate')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={(value) => setQ(value.trim())}
          loading={candidates.isFetching}
          placeholder={t('customers.searchPlaceholder')}
          notFoundContent={q ? t('customers.noMatch') : null}
          options={(q ? (candidates.data ?? []) : [])
            .filter((c) => c.id !== customer.id)
            .map((c) => ({ value: c.id, label: [c.name || t('customers.noName'), c.phone, c.email, c.homeBranch].filter(Boolean).join(' · ') }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('customers.merge.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={256} />
      </Form.Item>
    </FormModal>
  );
}
