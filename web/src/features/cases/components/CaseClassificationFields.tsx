import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { casePriorities } from './caseLabels';

/** The priority and category of a case, as a new case and an edit both ask for them (fields `priority` and `category`). */
export function CaseClassificationFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="priority" label={t('cases.priority')}>
        <Select options={casePriorities.map((p) => ({ value: p, label: t(`cases.priorities.${p}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('cases.category')}>
        <Input maxLength={64} />
      </Form.Item>
    </>
  );
}
