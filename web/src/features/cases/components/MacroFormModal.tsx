import { Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { asLocalizedText, type LocalizedText } from '../../../shared/api';
import { languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { useBranchList } from '../../../shared/session';
import { FormModal, LocalizedNameFields, useProblemReporter } from '../../../shared/ui';
import { useSaveMacro, type Macro } from '../api/useMacros';

const placeholders = ['customer.name', 'case.reference', 'case.subject', 'agent.name', 'branch.name'];

interface Values {
  title: LocalizedText;
  body: LocalizedText;
  category?: string;
  branch: string;
  isActive: boolean;
}

/** A canned reply in the four languages; '' as the branch means every branch. */
export function MacroFormModal({ macro, open, onClose }: { macro: Macro | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveMacro(macro?.id ?? null);
  const branches = useBranchList();
  const reportProblem = useProblemReporter();
  const clean = (texts: LocalizedText) => Object.fromEntries(Object.entries(texts).filter(([, text]) => text?.trim())) as LocalizedText;

  return (
    <FormModal open={open} form={form} saving={save.isPending} onCancel={onClose}
      title={macro ? t('macros.editTitle', { name: macro.displayTitle }) : t('macros.createTitle')}
      initialValues={{
        title: macro ? asLocalizedText(macro.title) : {}, body: macro ? asLocalizedText(macro.body) : {},
        category: macro?.category ?? undefined, branch: macro?.branch ?? '', isActive: macro?.isActive ?? true,
      }}
      onSubmit={(v) =>
        save.mutate(
          { title: clean(v.title), body: clean(v.body), category: v.category?.trim() || null, branch: v.branch || null, isActive: v.isActive },
          { onSuccess: onClose, onError: (error) => reportProblem(error, form) },
        )
      }>
      <LocalizedNameFields name={['title']} label={t('macros.title')} />
      <Typography.Paragraph type="secondary">{t('macros.placeholders', { list: placeholders.map((p) => `{{${p}}}`).join('  ') })}</Typography.Paragraph>
      {supportedLanguages.map((language) => (
        <Form.Item key={language} name={['body', language]} label={`${t('macros.body')} · ${languageEndonyms[language]}`}>
          <Input.TextArea lang={language} rows={3} maxLength={4000} />
        </Form.Item>
      ))}
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="category" label={t('macros.categoryLabel')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="branch" label={t('cases.branch')}>
            <Select options={[{ value: '', label: t('macros.allBranches') }, ...(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.code} · ${b.displayName}` }))]} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={4}>
          <Form.Item name="isActive" label={t('macros.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
