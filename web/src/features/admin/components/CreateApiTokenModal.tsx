import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, FormSelect, useProblemReporter } from '../../../shared/ui';
import { useCreateApiToken, type CreateApiTokenRequest, type CreatedApiToken } from '../api/useApiTokens';

const allScopes = '*';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}

export function CreateApiTokenModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateApiTokenRequest>();
  const createToken = useCreateApiToken();
  const reportProblem = useProblemReporter();

  return (
    <FormModal
      open={open}
      title={t('apiTokens.createTitle')}
      form={form}
      initialValues={{ scopes: [] }}
      saving={createToken.isPending}
      onCancel={onClose}
      onSubmit={(values) => createToken.mutate(values, { onSuccess: onCreated, onError: (error) => reportProblem(error, form) })}
    >
      <Form.Item name="name" label={t('apiTokens.name')} rules={[{ required: true, message: t('validation.required') }]} extra={t('apiTokens.nameHint')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="scopes" label={t('apiTokens.scopes')} extra={t('apiTokens.scopesHint')} rules={[{ required: true, message: t('validation.required') }]}>
        <FormSelect mode="tags" tokenSeparators={[',', ' ']} options={[{ value: allScopes, label: t('apiTokens.allScopes') }]} />
      </Form.Item>
    </FormModal>
  );
}
