import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../shared/i18n';
import { languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { FormModal, FormSelect } from '../../../shared/ui';

interface Values {
  service: string;
  language: string;
}

interface Props {
  open: boolean;
  services: { value: string; label: string }[];
  saving: boolean;
  onCancel: () => void;
  onSubmit: (values: Values) => void;
}

/** A customer at the counter without a ticket: numbered like everyone else, served at once, counted in reports. */
export function WalkUpModal({ open, services, saving, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      open={open}
      title={t('queueCounter.walkUpTitle')}
      form={form}
      initialValues={{ language: currentLanguage(), service: services.length === 1 ? services[0].value : undefined }}
      saving={saving}
      okText={t('queueCounter.serveWalkUp')}
      onCancel={onCancel}
      onSubmit={onSubmit}
    >
      <Form.Item name="service" label={t('queueCounter.service')} rules={[required]}>
        <FormSelect options={services} />
      </Form.Item>
      <Form.Item name="language" label={t('queueCounter.customerLanguage')} rules={[required]}>
        <FormSelect options={supportedLanguages.map((value) => ({ value, label: languageEndonyms[value] }))} />
      </Form.Item>
    </FormModal>
  );
}
