import { Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BranchFormValues } from './branchFormValues';
import { weekdayOrder } from './branchFormValues';

function weekdayName(day: number, language: string) {
  // 4 January 2026 was a Sunday, so adding `day` gives that weekday; Intl supplies the localised name.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + day)));
}

/** Opening and closing time per weekday, or closed. */
export function BusinessHoursFields() {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<BranchFormValues>();
  const rows = Form.useWatch('businessHours', form) ?? [];

  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('branches.businessHours')}</legend>
      {weekdayOrder.map((day, row) => {
        const weekday = weekdayName(day, i18n.language);
        const closed = rows[row]?.closed ?? false;
        return (
          <Flex key={day} gap={8} align="start" wrap>
            <Typography.Text style={{ width: 96, lineHeight: '32px' }}>{weekday}</Typography.Text>
            <Form.Item name={['businessHours', row, 'closed']} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox aria-label={t('branches.closedOn', { day: weekday })} style={{ lineHeight: '32px' }}>
                {t('branches.closed')}
              </Checkbox>
            </Form.Item>
            <Form.Item name={['businessHours', row, 'open']} style={{ marginBottom: 8 }} rules={[{ required: !closed, message: t('validation.required') }]}>
              <Input type="time" disabled={closed} aria-label={t('branches.opensOn', { day: weekday })} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item
              name={['businessHours', row, 'close']}
              style={{ marginBottom: 8 }}
              dependencies={[['businessHours', row, 'open']]}
              rules={[
                { required: !closed, message: t('validation.required') },
                {
                  validator: async (_, close: string) => {
                    const open = form.getFieldValue(['businessHours', row, 'open']) as string;
                    // "HH:mm" strings compare correctly as text.
                    if (!closed && open && close && close <= open) throw new Error(t('validation.closeAfterOpen'));
                  },
                },
              ]}
            >
              <Input type="time" disabled={closed} aria-label={t('branches.closesOn', { day: weekday })} style={{ width: 130 }} />
            </Form.Item>
          </Flex>
        );
      })}
    </fieldset>
  );
}
