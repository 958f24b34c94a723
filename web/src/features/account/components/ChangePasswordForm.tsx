import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemReporter } from '../../../shared/ui';
import { useChangePassword } from '../api/useChangePassword';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const reportProblem = useProblemReporter();

  const submit = ({ currentPassword, newPassword }: ChangePasswordValues) =>
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
        },
        onError: (error) => reportProblem(error, form),
      },
    );

  const required = { required: true, message: t('validation.required') };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[required]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.newPassword')} rules={[required]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('validation.passwordsDiffer'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
