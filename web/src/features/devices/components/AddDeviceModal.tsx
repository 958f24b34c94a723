import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, FormSelect, useProblemReporter } from '../../../shared/ui';
import { deviceKinds, kindNeedsCounter, useCounterOptions, useCreateDevice, type Device } from '../api/useDevices';

interface AddDeviceValues {
  kind: string;
  name: string;
  counterNumber?: number;
}

interface Props {
  branchCode: string;
  open: boolean;
  onClose: () => void;
  /** Receives the new device, whose pairing code is then shown. */
  onCreated: (device: Device) => void;
}

export function AddDeviceModal({ branchCode, open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddDeviceValues>();
  const kind = Form.useWatch('kind', form);
  const createDevice = useCreateDevice(branchCode);
  const counters = useCounterOptions(branchCode);
  const reportProblem = useProblemReporter();
  const required = { required: true, message: t('validation.required') };

  const submit = ({ kind: chosenKind, name, counterNumber }: AddDeviceValues) =>
    createDevice.mutate(
      { kind: chosenKind, name, counterNumber: kindNeedsCounter(chosenKind) ? (counterNumber ?? null) : null },
      { onSuccess: onCreated, onError: (error) => reportProblem(error, form) },
    );

  return (
    <FormModal
      open={open}
      title={t('devices.add')}
      form={form}
      initialValues={{ kind: 'kiosk' }}
      saving={createDevice.isPending}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item name="kind" label={t('devices.kindLabel')} rules={[required]}>
        <FormSelect options={deviceKinds.map((value) => ({ value, label: t(`devices.kind.${value}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('devices.name')} rules={[required]}>
        <Input autoComplete="off" />
      </Form.Item>
      {kindNeedsCounter(kind) && (
        <Form.Item name="counterNumber" label={t('devices.counter')} rules={[required]}>
          <FormSelect options={counters.data} loading={counters.isLoading} notFoundContent={t('devices.noCounters')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
