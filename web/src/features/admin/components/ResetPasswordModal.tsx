import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useResetPassword, type User } from '../api/useUsers';

/** Sets a new password for someone who forgot theirs; they should change it after signing in. */
export function ResetPasswordModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const resetPassword = useResetPassword();
  const reportProblem = useProblemReporter();

  return (
    <FormModal
      open={!!user}
      title={t('users.resetPasswordTitle', { name: user?.userName })}
      form={form}
      saving={resetPassword.isPending}
      onCancel={onClose}
      onSubmit={({ newPassword }) =>
        user &&
        resetPassword.mutate(
          { id: user.id, newPassword },
          {
            onSuccess: () => {
              void message.success(t('users.passwordReset'));
              onClose();
            },
            onError: (error) => reportProblem(error, form),
          },
        )
      }
    >
      <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
