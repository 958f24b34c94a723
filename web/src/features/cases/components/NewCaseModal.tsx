import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useCreateCase } from '../api/useCases';
import { CaseClassificationFields } from './CaseClassificationFields';
import { caseChannels } from './caseLabels';

interface Values {
  subject: string;
  description?: string;
  channel: string;
  priority: string;
  category?: string;
  customer: { name: string; phone?: string; email?: string };
}

export function NewCaseModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const report = useProblemReporter();
  const blank = (value?: string) => value?.trim() || null;
  return (
    <FormModal<Values>
      open={open}
      title={t('cases.new')}
      form={form}
      saving={create.isPending}
      initialValues={{ channel: 'phone', priority: 'normal' }}
      onCancel={onClose}
      okText={t('common.create')}
      onSubmit={(v) =>
        create.mutate(
          {
            subject: v.subject,
            description: blank(v.description),
            channel: v.channel,
            priority: v.priority,
            category: blank(v.category),
            customer: { name: v.customer.name, phone: blank(v.customer.phone), email: blank(v.customer.email), id: null },
            tags: null,
            branch: null,
          },
          { onSuccess: (created) => onCreated((created as { id: string }).id), onError: (e) => report(e, form) },
        )
      }
    >
      <Form.Item name="subject" label={t('cases.subject')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={256} />
      </Form.Item>
      <Form.Item name="description" label={t('cases.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name={['customer', 'name']} label={t('cases.customerName')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item name={['customer', 'phone']} label={t('cases.customerPhone')}>
        <Input />
      </Form.Item>
      <Form.Item name={['customer', 'email']} label={t('cases.customerEmail')}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="channel" label={t('cases.channel')}>
        <Select options={caseChannels.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))} />
      </Form.Item>
      <CaseClassificationFields />
    </FormModal>
  );
}
