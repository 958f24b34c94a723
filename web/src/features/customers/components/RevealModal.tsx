import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useRevealCustomerField, type RevealField } from '../api/useCustomers';

export interface RevealTarget {
  field: RevealField;
  itemId?: string;
  /** What the person is about to see, masked: "138****5678". */
  label: string;
}

interface Props {
  customerId: string;
  target: RevealTarget | null;
  onClose: () => void;
  onRevealed: (target: RevealTarget, values: string[]) => void;
}

/** Asks why before showing a field in clear: the reason goes to the audit log with the reveal. */
export function RevealModal({ customerId, target, onClose, onRevealed }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealCustomerField(customerId);
  const reportProblem = useProblemReporter();

  return (
    <FormModal
      open={target !== null}
      title={t('customers.reveal.title', { field: target?.label ?? '' })}
      form={form}
      saving={reveal.isPending}
      okText={t('customers.reveal.confirm')}
      onCancel={onClose}
      onSubmit={({ reason }) =>
        target &&
        reveal.mutate(
          { field: target.field, itemId: target.itemId, reason },
          {
            onSuccess: (result) => {
              onRevealed(target, result.values);
              onClose();
            },
            onError: (error) => reportProblem(error, form),
          },
        )
      }
    >
      <Form.Item
        name="reason"
        label={t('customers.reveal.reason')}
        extra={t('customers.reveal.hint')}
        rules={[
          { required: true, message: t('validation.required') },
          { min: 4, message: t('customers.reveal.reasonTooShort') },
        ]}
      >
        <Input.TextArea rows={2} maxLength={256} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
