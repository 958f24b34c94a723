import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRealtimeEvent } from '../../shared/realtime';
import { useProblemReporter } from '../../shared/ui';
import { useCompleteCall, type PhoneCallDto } from './api';

/**
 * The screen pop: when the telephony system reports a call for this staff member, a known caller's profile opens by
 * itself and a new caller gets a prompt; when the call ends, the encounter's summary is asked for.
 */
export function PhoneCallPop() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [ringing, setRinging] = useState<PhoneCallDto>();
  const [ended, setEnded] = useState<PhoneCallDto>();
  const complete = useCompleteCall();
  const report = useProblemReporter();
  const [form] = Form.useForm<{ summary: string; outcome: 'resolved' | 'followUp' }>();

  useRealtimeEvent('phone.ringing', (event) => {
    const call = event.data as PhoneCallDto;
    setRinging(call);
    if (call.customerId) void navigate(`/customers/${call.customerId}`);
  });
  useRealtimeEvent('phone.ended', (event) => {
    const call = event.data as PhoneCallDto;
    setRinging(undefined);
    if (call.encounterId) setEnded(call);
  });

  return (
    <>
      {ringing && (
        <Modal
          open
          mask={false}
          title={
            <Space>
              <PhoneOutlined />
              {ringing.customerId ? t('workspace.phone.knownCaller') : t('workspace.phone.newCaller')}
            </Space>
          }
          onCancel={() => setRinging(undefined)}
          footer={
            ringing.customerId ? (
              <Button onClick={() => setRinging(undefined)}>{t('workspace.phone.close')}</Button>
            ) : (
              <Space>
                <Button onClick={() => setRinging(undefined)}>{t('workspace.phone.close')}</Button>
                <Button
                  type="primary"
                  onClick={() => {
                    setRinging(undefined);
                    void navigate('/customers');
                  }}
                >
                  {t('workspace.phone.findOrCreate')}
                </Button>
              </Space>
            )
          }
          style={{ top: 80 }}
        >
          <div data-testid="phone-pop">
            {!ringing.customerId && <Alert type="info" showIcon message={t('workspace.phone.newCallerHint')} style={{ marginBottom: 12 }} />}
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('workspace.phone.caller')}>{ringing.callerNumber ?? '—'}</Descriptions.Item>
              {ringing.customerName && <Descriptions.Item label={t('cases.customer')}>{ringing.customerName}</Descriptions.Item>}
              {ringing.calledNumber && <Descriptions.Item label={t('workspace.phone.called')}>{ringing.calledNumber}</Descriptions.Item>}
            </Descriptions>
          </div>
        </Modal>
      )}
      {ended && (
        <Modal
          open
          title={t('workspace.phone.completeTitle')}
          okText={t('common.save')}
          cancelText={t('workspace.phone.later')}
          confirmLoading={complete.isPending}
          onCancel={() => setEnded(undefined)}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            initialValues={{ outcome: 'resolved' }}
            clearOnDestroy
            onFinish={(body) =>
              complete.mutate({ id: ended.id, body: { ...body, stage: null, nature: null, caseId: null } }, {
                onSuccess: () => setEnded(undefined),
                onError: (e) => report(e, form),
              })
            }
          >
            <Form.Item name="summary" label={t('workspace.phone.summary')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="outcome" label={t('workspace.phone.outcome')}>
              <Radio.Group
                options={[
                  { value: 'resolved', label: t('workspace.phone.resolved') },
                  { value: 'followUp', label: t('workspace.phone.followUp') },
                ]}
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
