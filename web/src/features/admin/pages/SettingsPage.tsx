import { App, Button, Form, InputNumber, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { QueryErrorAlert, SectionCard, useProblemReporter } from '../../../shared/ui';
import { useSaveSettings, useSettings, type Settings } from '../api/useSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const settings = useSettings();
  const saveSettings = useSaveSettings();
  const reportProblem = useProblemReporter();

  const submit = (values: Settings) =>
    saveSettings.mutate(values, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => reportProblem(error, form),
    });

  return (
    <>
      <PageHeading title={t('settings.title')} />
      <QueryErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      {settings.isLoading && <Spin aria-label={t('common.loading')} />}
      {settings.data && (
        <SectionCard title={t('settings.audit')}>
          <Form form={form} layout="vertical" initialValues={settings.data} onFinish={submit} style={{ maxWidth: 420 }}>
            <Form.Item
              name="auditRetentionDays"
              label={t('settings.auditRetentionDays')}
              extra={t('settings.auditRetentionHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={1} max={3650} precision={0} addonAfter={t('settings.days')} />
            </Form.Item>
            <Form.Item
              name="customerRetentionDays"
              label={t('settings.customerRetentionDays')}
              extra={t('settings.customerRetentionHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={30} max={36500} precision={0} addonAfter={t('settings.days')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saveSettings.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </SectionCard>
      )}
    </>
  );
}
