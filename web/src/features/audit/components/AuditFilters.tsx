import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../api/useAuditLog';

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;
type DateRange = Parameters<NonNullable<ComponentProps<typeof DatePicker.RangePicker>['onChange']>>[0];

interface FilterValues {
  action?: string;
  actor?: string;
  target?: string;
  period?: DateRange;
}

function toFilters({ action, actor, target, period }: FilterValues): Filters {
  const blankToUndefined = (value?: string) => value?.trim() || undefined;
  return {
    action: blankToUndefined(action),
    actor: blankToUndefined(actor),
    target: blankToUndefined(target),
    // Whole days in the browser's time zone, sent as instants.
    from: period?.[0]?.startOf('day').toISOString(),
    to: period?.[1]?.endOf('day').toISOString(),
  };
}

export function AuditFilters({ onChange }: { onChange: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form form={form} layout="inline" onFinish={(values) => onChange(toFilters(values))} style={{ marginBottom: 16, rowGap: 12 }}>
      <Form.Item name="action" label={t('audit.action')}>
        <Input allowClear />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear />
      </Form.Item>
      <Form.Item name="target" label={t('audit.target')}>
        <Input allowClear />
      </Form.Item>
      <Form.Item name="period" label={t('audit.period')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          // The label names the start input; the end input is named by its placeholder.
          placeholder={[t('audit.from'), t('audit.to')]}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
