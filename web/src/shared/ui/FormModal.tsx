import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<Values> {
  open: boolean;
  title: string;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  saving: boolean;
  onCancel: () => void;
  onSubmit: (values: Values) => void;
  /** The confirming button's text when it does something other than save ("Transfer", "Call"). */
  okText?: string;
  children: ReactNode;
}

/** A modal holding one form, with Save submitting it (so validation runs) and Cancel closing it. */
export function FormModal<Values>({ open, title, form, initialValues, saving, onCancel, onSubmit, okText, children }: Props<Values>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      {/* Unmounted on close and cleared with it, so the next opening starts from its own initialValues. */}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} clearOnDestroy>
        {children}
      </Form>
    </Modal>
  );
}
