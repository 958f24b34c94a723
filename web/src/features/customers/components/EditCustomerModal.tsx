import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useUpdateCustomer, type Customer, type CustomerInput } from '../api/useCustomers';
import { customerNeeds } from './CreateCustomerModal';

interface Values {
  name?: string;
  phone?: string;
  email?: string;
  language: string;
  needs: string[];
  tags: string[];
  consents: string[];
  value: number;
  notes?: string;
}

/**
 * Changes a profile. The name and notes are masked on screen, so their fields start empty and a blank one leaves the
 * value as it is; a phone or email typed here is added to the customer's contact points.
 */
export function EditCustomerModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCustomer(customer.id);
  const reportProblem = useProblemReporter();

  const submit = (v: Values) => {
    const body: Partial<CustomerInput> = {
      language: v.language, needs: v.needs, tags: v.tags, value: v.value,
      consentSurveys: v.consents.includes('surveys'), consentMarketing: v.consents.includes('marketing'),
    };
    if (v.name?.trim()) body.name = v.name.trim();
    if (v.notes?.trim()) body.notes = v.notes.trim();
    if (v.phone?.trim()) body.phones = [v.phone.trim()];
    if (v.email?.trim()) body.emails = [v.email.trim()];
    update.mutate(body, { onSuccess: onClose, onError: (error) => reportProblem(error, form) });
  };

  return (
    <FormModal open={open} title={t('customers.edit.title')} form={form} saving={update.isPending} onCancel={onClose} onSubmit={submit}
      initialValues={{
        language: customer.language, needs: customer.needs, tags: customer.tags, value: customer.value,
        consents: [customer.consentSurveys ? 'surveys' : '', customer.consentMarketing ? 'marketing' : ''].filter((c) => c !== ''),
      }}>
      <Form.Item name="name" label={t('customers.name')} extra={t('customers.edit.keepBlank')}>
        <Input maxLength={128} placeholder={customer.name} />
      </Form.Item>
      <Form.Item name="phone" label={t('customers.edit.addPhone')}>
        <Input inputMode="tel" maxLength={32} />
      </Form.Item>
      <Form.Item name="email" label={t('customers.edit.addEmail')}>
        <Input type="email" maxLength={256} />
      </Form.Item>
      <Form.Item name="language" label={t('customers.language')}>
        <Select options={supportedLanguages.map((l) => ({ value: l, label: languageEndonyms[l] }))} />
      </Form.Item>
      <Form.Item name="needs" label={t('customers.needs')} extra={t('customers.edit.needsHint')}>
        <Checkbox.Group options={customerNeeds.map((n) => ({ value: n, label: t(`customers.need.${n}`) }))} />
      </Form.Item>
      <Form.Item name="tags" label={t('customers.tags')}>
        <Select mode="tags" maxCount={20} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="consents" label={t('customers.consents')}>
        <Checkbox.Group options={[{ value: 'surveys', label: t('customers.consentSurveys') }, { value: 'marketing', label: t('customers.consentMarketing') }]} />
      </Form.Item>
      <Form.Item name="value" label={t('customers.edit.value')} extra={t('customers.edit.valueHint')}>
        <InputNumber min={0} max={1e15} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="notes" label={t('customers.notes')} extra={customer.hasNotes ? t('customers.edit.keepBlank') : undefined}>
        <Input.TextArea maxLength={2000} rows={3} />
      </Form.Item>
    </FormModal>
  );
}
