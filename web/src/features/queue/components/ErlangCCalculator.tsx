import { Button, Descriptions, Form, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert, SectionCard } from '../../../shared/ui';
import { useErlangC, type ErlangCInput } from '../api/useQueueBoard';

const initial: ErlangCInput = { arrivalsPerHour: 60, serviceMinutes: 5, counters: 6, targetSeconds: 300 };

/** What-if staffing: the server's Erlang C model for given arrivals, service time and open counters. */
export function ErlangCCalculator() {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState<ErlangCInput>();
  const result = useErlangC(input);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const seconds = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const required = { required: true, message: t('validation.required') };

  return (
    <SectionCard title={t('queueBoard.erlang.title')}>
      <Form<ErlangCInput> layout="vertical" initialValues={initial} onFinish={setInput} requiredMark={false}>
        <Space wrap align="end">
          <Form.Item name="arrivalsPerHour" label={t('queueBoard.erlang.arrivalsPerHour')} rules={[required]}>
            <InputNumber min={0} max={100_000} step={5} />
          </Form.Item>
          <Form.Item name="serviceMinutes" label={t('queueBoard.erlang.serviceMinutes')} rules={[required]}>
            <InputNumber min={0.1} max={600} step={0.5} />
          </Form.Item>
          <Form.Item name="counters" label={t('queueBoard.erlang.counters')} rules={[required]}>
            <InputNumber min={1} max={10_000} precision={0} />
          </Form.Item>
          <Form.Item name="targetSeconds" label={t('queueBoard.erlang.targetSeconds')} rules={[required]}>
            <InputNumber min={0} max={86_400} step={30} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={result.isFetching}>
              {t('queueBoard.erlang.calculate')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      <QueryErrorAlert error={result.error} />
      {result.data && (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="erlang-result">
          <Descriptions.Item label={t('queueBoard.erlang.probabilityOfWaiting')}>{percent.format(result.data.probabilityOfWaiting)}</Descriptions.Item>
          <Descriptions.Item label={t('queueBoard.erlang.meanWait')}>
            {t('queue.duration.seconds', { seconds: seconds.format(result.data.meanWaitSeconds) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('queueBoard.erlang.serviceLevel')}>{percent.format(result.data.serviceLevel)}</Descriptions.Item>
          <Descriptions.Item label={t('queueBoard.erlang.occupancy')}>{percent.format(result.data.occupancy)}</Descriptions.Item>
        </Descriptions>
      )}
      <p className="tp-hint">{t('queueBoard.erlang.hint')}</p>
    </SectionCard>
  );
}
