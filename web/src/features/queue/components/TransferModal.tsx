import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, FormSelect } from '../../../shared/ui';
import type { TransferTarget } from '../api/useCounterDesk';

interface Values {
  kind: 'service' | 'counter';
  service?: string;
  counter?: number;
}

interface Props {
  open: boolean;
  ticketNumber: string;
  services: { value: string; label: string }[];
  counters: { value: number; label: string }[];
  saving: boolean;
  onCancel: () => void;
  onTransfer: (target: TransferTarget) => void;
}

/** Back into the queue of another service, or for one named counter; the ticket keeps its original issue time. */
export function TransferModal({ open, ticketNumber, services, counters, saving, onCancel, onTransfer }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'service';
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      open={open}
      title={t('queueCounter.transferTitle', { number: ticketNumber })}
      form={form}
      initialValues={{ kind: 'service' }}
      saving={saving}
      okText={t('queueCounter.transfer')}
      onCancel={onCancel}
      onSubmit={(values) => onTransfer(values.kind === 'service' ? { service: values.service! } : { counter: values.counter! })}
    >
      <Form.Item name="kind" label={t('queueCounter.transferTo')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'service', label: t('queueCounter.toService') },
            { value: 'counter', label: t('queueCounter.toCounter') },
          ]}
        />
      </Form.Item>
      {kind === 'service' ? (
        <Form.Item name="service" label={t('queueCounter.service')} rules={[required]}>
          <FormSelect options={services} />
        </Form.Item>
      ) : (
        <Form.Item name="counter" label={t('queueCounter.counter')} rules={[required]}>
          <FormSelect options={counters} />
        </Form.Item>
      )}
    </FormModal>
  );
}
