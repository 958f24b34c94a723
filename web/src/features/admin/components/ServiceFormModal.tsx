import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, LocalizedNameFields, useProblemReporter } from '../../../shared/ui';
import { asLocalizedText, type LocalizedText } from '../../../shared/api';
import { useSaveService, type Service } from '../api/useServices';

interface ServiceFormValues {
  code: string;
  name: LocalizedText;
  prefix: string;
}

interface Props {
  branchCode: string;
  open: boolean;
  service?: Service;
  onClose: () => void;
}

export function ServiceFormModal({ branchCode, open, service, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceFormValues>();
  const saveService = useSaveService(branchCode);
  const reportProblem = useProblemReporter();
  const required = { required: true, message: t('validation.required') };

  const submit = (values: ServiceFormValues) =>
    saveService.mutate(
      { existingCode: service?.code, service: { ...values, code: values.code.trim(), prefix: values.prefix.trim().toUpperCase() } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => reportProblem(error, form),
      },
    );

  return (
    <FormModal
      open={open}
      title={service ? t('services.editTitle', { name: service.displayName }) : t('services.createTitle')}
      form={form}
      initialValues={service ? { ...service, name: asLocalizedText(service.name) } : { name: {} }}
      saving={saveService.isPending}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item name="code" label={t('services.code')} rules={[required]}>
        <Input disabled={!!service} autoComplete="off" />
      </Form.Item>
      <LocalizedNameFields name={['name']} label={t('services.name')} />
      <Form.Item
        name="prefix"
        label={t('services.prefix')}
        extra={t('services.prefixHint')}
        rules={[required, { pattern: /^[A-Za-z]{1,3}$/, message: t('validation.prefix') }]}
      >
        <Input maxLength={3} style={{ width: 120 }} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
