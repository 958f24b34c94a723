import { App, Button, Form, Input, InputNumber, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../shared/i18n';
import { languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { useQueueRules, useSaveQueueRules, type QueueRules } from '../api/useQueueRules';

const numbers = [
  { name: 'priorityRatio', min: 1, max: 20 },
  { name: 'recallLimit', min: 0, max: 10 },
  { name: 'appointmentWindowMinutes', min: 0, max: 240 },
  { name: 'ratingWindowSeconds', min: 10, max: 900 },
  { name: 'alertPlacesAhead', min: 0, max: 50 },
] as const;

/**
 * The branch's queue rules as administrators read and set them: how priority interleaves, recalls before a no-show,
 * when appointments are due, how long the pad takes a rating, when customers get the "almost your turn" text, and the
 * lobby's spoken call in the branch's own words per language (empty = the standard wording shown as placeholder).
 */
export function QueueRulesPanel({ branchCode }: { branchCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useQueueRules(branchCode);
  const save = useSaveQueueRules(branchCode);
  const reportProblem = useProblemReporter();
  const [form] = Form.useForm<QueueRules>();

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  if (rules.isLoading) return <Spin aria-label={t('common.loading')} />;
  const submit = (values: QueueRules) =>
    save.mutate(
      { ...values, announcements: values.announcements ?? {} },
      { onSuccess: () => void message.success(t('common.saved')), onError: (error) => reportProblem(error, form) },
    );

  return (
    <>
      <QueryErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        {numbers.map(({ name, min, max }) => (
          <Form.Item key={name} name={name} label={t(`queueRules.${name}`)} extra={t(`queueRules.${name}Hint`)} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <fieldset className="tp-fieldset">
          <legend>{t('queueRules.announcements')}</legend>
          <p className="tp-hint">{t('queueRules.announcementsHint')}</p>
          {supportedLanguages.map((language) => (
            <Form.Item key={language} name={['announcements', language]} label={languageEndonyms[language]}>
              <Input
                lang={language}
                maxLength={200}
                placeholder={i18n.getFixedT(language)('queue.announce.call', { number: '{number}', counter: '{counter}' })}
              />
            </Form.Item>
          ))}
        </fieldset>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
