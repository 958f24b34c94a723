import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api';
import { PublicLayout, usePageTitle } from '../../../shared/layout';
import { usePairDevice } from '../api/usePairDevice';
import { useDeviceLabels } from '../components/useDeviceLabels';

/** Where each kind of device works once paired; counter screens and pads have no screen of their own yet. */
const screenPaths: Partial<Record<string, (branch: string) => string>> = {
  kiosk: (branch) => `/kiosk/${branch}`,
  display: (branch) => `/display/${branch}`,
};

/** Opened on a new kiosk, lobby display or pad to exchange a pairing code for the device's token. */
export function PairDevicePage() {
  const { t } = useTranslation();
  const pair = usePairDevice();
  const navigate = useNavigate();
  const { kindLabel } = useDeviceLabels();
  usePageTitle(t('pair.title'));

  const paired = pair.data;
  return (
    <PublicLayout>
      <Card style={{ width: '100%', maxWidth: 520 }}>
        {paired ? (
          <Result
            status="success"
            title={t('pair.success', { kind: kindLabel(paired.kind), name: paired.name, branch: paired.branchCode })}
            subTitle={t('pair.successHint')}
            extra={
              screenPaths[paired.kind] && (
                <Button type="primary" size="large" onClick={() => void navigate(screenPaths[paired.kind]!(paired.branchCode))}>
                  {t('pair.openScreen')}
                </Button>
              )
            }
          />
        ) : (
          <>
            <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
              {t('pair.title')}
            </Typography.Title>
            <Typography.Paragraph>{t('pair.instructions')}</Typography.Paragraph>
            {pair.error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginBottom: 16 }}
                message={pair.error instanceof ApiError ? pair.error.message : t('errors.network')}
              />
            )}
            <Form layout="vertical" requiredMark={false} onFinish={({ code }: { code: string }) => pair.mutate(code.trim())}>
              <Form.Item name="code" label={t('pair.code')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input className="tp-pairing-code" size="large" autoFocus autoComplete="off" autoCapitalize="characters" spellCheck={false} />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={pair.isPending}>
                {t('pair.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </PublicLayout>
  );
}
