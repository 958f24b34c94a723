import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../shared/ui';

interface Props {
  ticketNumber?: string;
  saving: boolean;
  onCancel: () => void;
  onCall: (reason: string) => void;
}

/** Calling a ticket ahead of its turn needs a reason, which the audit log keeps with who called it and where. */
export function CallOutOfOrderModal({ ticketNumber, saving, onCancel, onCall }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={!!ticketNumber}
      title={t('queueCounter.callOutOfOrderTitle', { number: ticketNumber ?? '' })}
      form={form}
      saving={saving}
      okText={t('queueCounter.callThis')}
      onCancel={onCancel}
      onSubmit={({ reason }) => onCall(reason.trim())}
    >
      <Typography.Paragraph type="secondary">{t('queueCounter.callOutOfOrderHint')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('queueCounter.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
