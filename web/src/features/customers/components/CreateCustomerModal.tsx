import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useCreateCustomer } from '../api/useCustomers';

export const customerNeeds = ['wheelchair', 'hearing', 'sight', 'elderly', 'interpreter', 'pregnant'] as const;

interface Values {
  name: string;
  phone?: string;
  email?: string;
  language: string;
  needs?: string[];
}

/** A customer made on the spot at the counter or on the phone; the profile opens once saved. */
export function CreateCustomerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCustomer();
  const reportProblem = useProblemReporter();
  const navigate = useNavigate();

  const submit = (v: Values) =>
    create.mutate(
      {
        name: v.name, language: v.language, needs: v.needs ?? [],
        phones: v.phone ? [v.phone] : [], emails: v.email ? [v.email] : [],
        messaging: null, tags: null, identifiers: null, consentSurveys: null, consentMarketing: null, notes: null, value: null,
      },
      {
        onSuccess: (customer) => {
          onClose();
          void navigate(`/customers/${customer.id}`);
        },
        // The server names list fields by position (phones[0]); the form has one of each.
        onError: (error) => reportProblem(error, form),
      },
    );

  return (
    <FormModal open={open} title={t('customers.createTitle')} form={form} saving={create.isPending} onCancel={onClose} onSubmit={submit}
      initialValues={{ language: i18n.language }}>
      <Form.Item name="name" label={t('customers.name')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={128} autoFocus />
      </Form.Item>
      <Form.Item name="phone" label={t('customers.phone')}>
        <Input inputMode="tel" maxLength={32} />
      </Form.Item>
      <Form.Item name="email" label={t('customers.email')}>
        <Input type="email" maxLength={256} />
      </Form.Item>
      <Form.Item name="language" label={t('customers.language')}>
        <Select options={supportedLanguages.map((l) => ({ value: l, label: languageEndonyms[l] }))} />
      </Form.Item>
      <Form.Item name="needs" label={t('customers.needs')}>
        <Checkbox.Group options={customerNeeds.map((n) => ({ value: n, label: t(`customers.need.${n}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
