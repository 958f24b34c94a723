import { App, Button, Drawer, Form, Input, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultLanguage, languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { roles, useBranchList } from '../../../shared/session';
import { FormSelect, useProblemReporter } from '../../../shared/ui';
import { useCreateUser, useUpdateUser, type CreateUserRequest, type User } from '../api/useUsers';

type UserFormValues = CreateUserRequest & { isActive: boolean };

interface Props {
  open: boolean;
  /** The user to edit; a new user when absent. */
  user?: User;
  onClose: () => void;
}

export function UserFormDrawer({ open, user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const branches = useBranchList();
  const reportProblem = useProblemReporter();
  const saving = createUser.isPending || updateUser.isPending;

  const callbacks = {
    onSuccess: () => {
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error: Error) => reportProblem(error, form),
  };

  const submit = ({ userName, displayName, password, roles: userRoles, branches: userBranches, language, isActive }: UserFormValues) =>
    user
      ? updateUser.mutate({ id: user.id, user: { displayName, roles: userRoles, branches: userBranches, language, isActive } }, callbacks)
      : createUser.mutate({ userName, displayName, password, roles: userRoles, branches: userBranches, language }, callbacks);

  const required = { required: true, message: t('validation.required') };
  const initialValues: Partial<UserFormValues> = user
    ? { ...user }
    : { roles: [], branches: [], language: defaultLanguage, isActive: true };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      title={user ? t('users.editTitle', { name: user.userName }) : t('users.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {/* Unmounted on close and cleared with it, so the next opening starts from this user's values. */}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} clearOnDestroy>
        <Form.Item name="userName" label={t('users.userName')} rules={[required]}>
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
          <Input />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('users.initialPassword')} rules={[required]} extra={t('users.initialPasswordHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('users.roles')}>
          <FormSelect mode="multiple" options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item name="branches" label={t('users.branches')} extra={t('users.branchesHint')}>
          <FormSelect
            mode="multiple"
            loading={branches.isLoading}
            options={branches.data?.map((branch) => ({ value: branch.code, label: `${branch.code} · ${branch.displayName}` }))}
          />
        </Form.Item>
        <Form.Item name="language" label={t('users.language')} rules={[required]}>
          <FormSelect options={supportedLanguages.map((language) => ({ value: language, label: languageEndonyms[language] }))} />
        </Form.Item>
        {user && (
          <Form.Item name="isActive" label={t('users.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
