import { Button, DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useSetVip, type Customer } from '../api/useCustomers';

/** The date picker's value: only the end of the chosen day is sent. */
interface PickedDay {
  endOf(unit: 'day'): { toISOString(): string };
}

interface Values {
  until: PickedDay;
  reason?: string;
}

/** The manual VIP flag always has an end date; removing it is a change with a reason like any other (both audited). */
export function VipModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const setVip = useSetVip(customer.id);
  const reportProblem = useProblemReporter();
  const save = (until: string | null, reason?: string) =>
    setVip.mutate({ until, reason: reason?.trim() || null }, { onSuccess: onClose, onError: (error) => reportProblem(error, form) });

  return (
    <FormModal open={open} title={t('customers.vip.title')} form={form} saving={setVip.isPending} onCancel={onClose}
      onSubmit={(v) => save(v.until.endOf('day').toISOString(), v.reason)}>
      <Form.Item name="until" label={t('customers.vip.until')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker disabledDate={(day) => day.isBefore(new Date(), 'day')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('customers.vip.reason')}>
        <Input maxLength={256} />
      </Form.Item>
      {customer.vip && (
        <Button danger onClick={() => save(null, form.getFieldValue('reason') as string | undefined)} loading={setVip.isPending}>
          {t('customers.vip.remove')}
        </Button>
      )}
    </FormModal>
  );
}
