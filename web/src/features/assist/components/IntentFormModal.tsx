import { App, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { asLocalizedText, type LocalizedText } from '../../../shared/api';
import { useSaveIntent, type AssistIntent } from '../../../shared/assist';
import { TeamNameInput } from '../../../shared/teams';
import { FormModal, LocalizedNameFields, useProblemReporter } from '../../../shared/ui';

interface IntentFormValues {
  key: string;
  name: LocalizedText;
  examples: string;
  routeTeam?: string;
  routeCategory?: string;
  routeService?: string;
}

/** Creates or edits one intent: names in four languages, examples one a line, and where its cases go. */
export function IntentFormModal({ open, intent, onClose }: { open: boolean; intent?: AssistIntent; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntentFormValues>();
  const save = useSaveIntent();
  const report = useProblemReporter();
  const blank = (value?: string | null) => value?.trim() || null;

  const submit = (values: IntentFormValues) =>
    save.mutate(
      {
        key: (intent?.key ?? values.key).trim(),
        body: {
          name: values.name,
          examples: values.examples.split('\n').map((line) => line.trim()).filter(Boolean),
          routeTeam: blank(values.routeTeam),
          routeCategory: blank(values.routeCategory),
          routeService: blank(values.routeService),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('assist.intents.savedRetraining'));
          onClose();
        },
        onError: (error) => report(error, form),
      },
    );

  return (
    <FormModal
      open={open}
      title={intent ? t('assist.intents.editTitle', { key: intent.key }) : t('assist.intents.createTitle')}
      form={form}
      initialValues={
        intent
          ? {
              key: intent.key,
              name: asLocalizedText(intent.name),
              examples: intent.examples.join('\n'),
              routeTeam: intent.routeTeam ?? undefined,
              routeCategory: intent.routeCategory ?? undefined,
              routeService: intent.routeService ?? undefined,
            }
          : { name: {}, examples: '' }
      }
      saving={save.isPending}
      onCancel={onClose}
      onSubmit={submit}
    >
      {!intent && (
        <Form.Item name="key" label={t('assist.intents.key')} extra={t('assist.intents.keyHint')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={64} />
        </Form.Item>
      )}
      <LocalizedNameFields name={['name']} label={t('assist.intents.name')} />
      <Form.Item name="examples" label={t('assist.intents.examples')} extra={t('assist.intents.examplesHint')}>
        <Input.TextArea rows={6} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          {/* By name: an intent serves every branch, and its cases go to their own branch's team of that name. */}
          <Form.Item name="routeTeam" label={t('assist.intents.routeTeam')}>
            <TeamNameInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="routeCategory" label={t('assist.intents.routeCategory')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="routeService" label={t('assist.intents.routeService')}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
