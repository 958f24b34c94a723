import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api';
import { useLogin, type LoginRequest } from '../api/useLogin';

/** Why sign-in failed, in the server's words when it gave some (a lock-out says until when). */
function failureText(error: Error, fallback: string) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 423)) {
    return error.problem.detail ?? error.problem.title ?? fallback;
  }
  return error instanceof ApiError ? error.message : fallback;
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();

  return (
    <Form<LoginRequest>
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values, { onSuccess: onSignedIn })}
      disabled={login.isPending}
    >
      {login.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="login-error"
          style={{ marginBottom: 16 }}
          message={failureText(login.error, t('login.failed'))}
        />
      )}
      <Form.Item name="userName" label={t('login.userName')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
