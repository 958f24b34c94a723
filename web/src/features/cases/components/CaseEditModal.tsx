import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { useEditCase } from '../api/useCases';
import { CaseClassificationFields } from './CaseClassificationFields';

interface Values {
  subject: string;
  priority: string;
  category?: string;
  tags: string[];
}

export interface EditableCase {
  id: string;
  subject: string;
  priority: string;
  category?: string | null;
  tags: readonly string[];
}

/**
 * Corrects what staff learn after opening a case: its subject, priority, category and tags. A new priority or category
 * may bring another SLA policy; the server moves the running clocks, keeping the time already spent.
 */
export function CaseEditModal({ value, open, onClose }: { value: EditableCase; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const edit = useEditCase(value.id);
  const report = useProblemReporter();
  return (
    <FormModal<Values>
      open={open}
      title={t('cases.editDetails')}
      form={form}
      saving={edit.isPending}
      initialValues={{ subject: value.subject, priority: value.priority, category: value.category ?? '', tags: [...value.tags] }}
      onCancel={onClose}
      okText={t('common.save')}
      onSubmit={(v) =>
        edit.mutate(
          { subject: v.subject, priority: v.priority, category: v.category?.trim() ?? '', tags: v.tags },
          { onSuccess: onClose, onError: (e) => report(e, form) },
        )
      }
    >
      <Form.Item name="subject" label={t('cases.subject')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={256} />
      </Form.Item>
      <CaseClassificationFields />
      <Form.Item name="tags" label={t('cases.tags')}>
        <Select mode="tags" maxCount={20} tokenSeparators={[',', '，', '、']} open={false} aria-label={t('cases.tags')} />
      </Form.Item>
    </FormModal>
  );
}
