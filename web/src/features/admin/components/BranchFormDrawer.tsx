import { App, Button, Drawer, Form, Input, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api';
import { LocalizedNameFields, useProblemReporter } from '../../../shared/ui';
import { useSaveBranch, type Branch } from '../api/useBranches';
import { mapHoursErrorsToRows, toFormValues, toRequest, type BranchFormValues } from './branchFormValues';
import { BusinessHoursFields } from './BusinessHoursFields';
import { HolidaysFields } from './HolidaysFields';
import { TimeZoneInput } from './TimeZoneInput';

interface Props {
  open: boolean;
  /** The branch to edit; a new branch when absent. */
  branch?: Branch;
  onClose: () => void;
}

export function BranchFormDrawer({ open, branch, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BranchFormValues>();
  const saveBranch = useSaveBranch();
  const reportProblem = useProblemReporter();

  const submit = (values: BranchFormValues) =>
    saveBranch.mutate(
      { existingCode: branch?.code, branch: toRequest(values) },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) =>
          reportProblem(error instanceof ApiError ? new ApiError(error.status, mapHoursErrorsToRows(error.problem, values)) : error, form),
      },
    );

  const required = { required: true, message: t('validation.required') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      title={branch ? t('branches.editTitle', { name: branch.displayName }) : t('branches.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saveBranch.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {/* Unmounted on close and cleared with it, so the next opening starts from this branch's values. */}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={toFormValues(branch)} clearOnDestroy>
        <Form.Item name="code" label={t('branches.code')} rules={[required]} extra={branch ? undefined : t('branches.codeHint')}>
          <Input disabled={!!branch} autoComplete="off" />
        </Form.Item>
        <LocalizedNameFields name={['name']} label={t('branches.name')} />
        <Form.Item name="timeZone" label={t('branches.timeZone')} rules={[required]}>
          <TimeZoneInput />
        </Form.Item>
        <Form.Item name="address" label={t('branches.address')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <BusinessHoursFields />
        <HolidaysFields />
        <fieldset style={{ border: 0, padding: 0, margin: '16px 0 0' }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('branches.chats')}</legend>
          <Form.Item name="chatBotEnabled" label={t('branches.chatBot')} valuePropName="checked" extra={t('branches.chatBotHint')}>
            <Switch checkedChildren={t('branches.chatBotOn')} unCheckedChildren={t('branches.chatBotOff')} />
          </Form.Item>
        </fieldset>
      </Form>
    </Drawer>
  );
}
