import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Dates on which the branch is closed, each with a name shown to customers. */
export function HolidaysFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('branches.holidays')}</legend>
      <Form.List name="holidays">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'date']} rules={[required]} style={{ marginBottom: 8 }}>
                  <Input type="date" aria-label={t('branches.holidayDate', { number: index + 1 })} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} rules={[required]} style={{ marginBottom: 8, flex: 1 }}>
                  <Input aria-label={t('branches.holidayName', { number: index + 1 })} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('branches.removeHoliday', { number: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: '', name: '' })}>
              {t('branches.addHoliday')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
