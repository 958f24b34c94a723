import { App, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, FormSelect, LocalizedNameFields, useProblemReporter } from '../../../shared/ui';
import { useSaveCounter, type Counter, type CounterRequest } from '../api/useCounters';
import { useServices } from '../api/useServices';

interface Props {
  branchCode: string;
  open: boolean;
  counter?: Counter;
  onClose: () => void;
}

export function CounterFormModal({ branchCode, open, counter, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CounterRequest>();
  const saveCounter = useSaveCounter(branchCode);
  const services = useServices(branchCode);
  const reportProblem = useProblemReporter();
  const chosen: string[] = Form.useWatch('services', form) ?? [];

  const submit = (values: CounterRequest) => {
    // A counter name is optional: send none rather than an object of empty strings.
    const named = Object.values(values.name ?? {}).some((text) => text?.trim());
    const weights = Object.fromEntries(Object.entries(values.weights ?? {}).filter(([code, weight]) => chosen.includes(code) && weight != null));
    saveCounter.mutate(
      { existingNumber: counter ? counter.number : undefined, counter: { ...values, name: named ? values.name : null, weights } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => reportProblem(error, form),
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={counter ? t('counters.editTitle', { number: counter.number }) : t('counters.createTitle')}
      form={form}
      initialValues={counter ? { ...counter, name: counter.name ?? {} } : { name: {}, services: [], weights: {} }}
      saving={saveCounter.isPending}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item name="number" label={t('counters.number')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={1} precision={0} disabled={!!counter} style={{ width: 120 }} />
      </Form.Item>
      <LocalizedNameFields name={['name']} label={t('counters.name')} required={false} />
      <Form.Item name="services" label={t('counters.services')} extra={t('counters.servicesHint')}>
        <FormSelect
          mode="multiple"
          loading={services.isLoading}
          options={services.data?.map((service) => ({ value: service.code, label: `${service.code} · ${service.displayName}` }))}
        />
      </Form.Item>
      {chosen.length > 0 && (
        <fieldset className="tp-fieldset">
          <legend>{t('counters.weights')}</legend>
          <p className="tp-hint">{t('counters.weightsHint')}</p>
          {chosen.map((code) => (
            <Form.Item key={code} name={['weights', code]} label={code} initialValue={1}>
              <InputNumber min={1} max={10} precision={0} style={{ width: 120 }} />
            </Form.Item>
          ))}
        </fieldset>
      )}
    </FormModal>
  );
}
