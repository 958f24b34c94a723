import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { LocalizedNameFields, QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { questionTypes, useSaveTemplate, useSurveyTemplates, type SurveyTemplate, type SurveyTemplateInput } from '../api/useTemplates';

type Editing = { id?: string; values: SurveyTemplateInput };

/** The survey designer: templates of several questions (CSAT, NPS, effort, reasons, free text), each written in the four languages. */
export function SurveyTemplatesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const templates = useSurveyTemplates();
  const [editing, setEditing] = useState<Editing>();
  const canManage = hasPermission(me.data, 'feedback.manage');
  const name = (tpl: SurveyTemplate) => tpl.name[i18n.language] ?? tpl.name['en-US'] ?? tpl.code;
  return (
    <>
      <PageHeading
        title={t('surveyDesigner.title')}
        extra={canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ values: { code: '', name: {}, questions: [{ id: 'csat', type: 'csat', scale: 5, text: {} }], isActive: true } as SurveyTemplateInput })}>
            {t('surveyDesigner.new')}
          </Button>
        )}
      />
      <QueryErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      <Table<SurveyTemplate>
        rowKey="id"
        loading={templates.isFetching}
        dataSource={templates.data}
        pagination={false}
        onRow={(tpl) => ({ onClick: () => canManage && setEditing({ id: tpl.id, values: { code: tpl.code, name: tpl.name, questions: tpl.questions as SurveyTemplateInput['questions'], isActive: tpl.isActive } }), style: { cursor: canManage ? 'pointer' : undefined } })}
        columns={[
          { key: 'code', title: t('surveyDesigner.code'), dataIndex: 'code', width: 160 },
          { key: 'name', title: t('surveyDesigner.name'), render: (_, tpl) => name(tpl) },
          { key: 'questions', title: t('surveyDesigner.questions'), render: (_, tpl) => tpl.questions.map((q) => <Tag key={q.id}>{t(`surveyDesigner.types.${q.type as (typeof questionTypes)[number]}`)}</Tag>) },
          { key: 'active', title: t('surveyDesigner.active'), render: (_, tpl) => (tpl.isActive ? t('surveyDesigner.yes') : t('surveyDesigner.no')), width: 100 },
        ]}
      />
      {editing && <TemplateDrawer editing={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

function TemplateDrawer({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyTemplateInput>();
  const save = useSaveTemplate();
  const report = useProblemReporter();
  return (
    <Drawer open width={760} onClose={onClose} title={editing.id ? editing.values.code : t('surveyDesigner.new')} destroyOnHidden
      extra={<Button type="primary" loading={save.isPending} onClick={() => form.submit()}>{t('common.save')}</Button>}>
      <Form form={form} layout="vertical" initialValues={editing.values}
        onFinish={(values) => save.mutate({ id: editing.id, body: { ...values, code: editing.id ? editing.values.code : values.code } },
          { onSuccess: () => { void message.success(t('surveyDesigner.saved')); onClose(); }, onError: (e) => report(e, form) })}>
        {!editing.id && (
          <Form.Item name="code" label={t('surveyDesigner.code')} rules={[{ required: true }]}>
            <Input maxLength={32} />
          </Form.Item>
        )}
        <LocalizedNameFields name={['name']} label={t('surveyDesigner.name')} />
        <Form.Item name="isActive" label={t('surveyDesigner.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.List name="questions">
          {(fields, { add, remove, move }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" title={t('surveyDesigner.question', { n: index + 1 })}
                  extra={<Flex gap={4}>
                    <Button size="small" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('surveyDesigner.up')}>↑</Button>
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('surveyDesigner.remove')} />
                  </Flex>}>
                  <Flex gap={12} wrap>
                    <Form.Item name={[field.name, 'id']} label={t('surveyDesigner.questionId')} rules={[{ required: true }]}>
                      <Input maxLength={32} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'type']} label={t('surveyDesigner.type')} rules={[{ required: true }]}>
                      <Select style={{ width: 180 }} options={questionTypes.map((q) => ({ value: q, label: t(`surveyDesigner.types.${q}`) }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => form.getFieldValue(['questions', field.name, 'type']) === 'csat' && (
                        <Form.Item name={[field.name, 'scale']} label={t('surveyDesigner.scale')}>
                          <Select style={{ width: 120 }} options={[3, 5].map((s) => ({ value: s, label: s }))} />
                        </Form.Item>
                      )}
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => form.getFieldValue(['questions', field.name, 'type']) === 'choice' && (
                        <Form.Item name={[field.name, 'multiple']} label={t('surveyDesigner.multiple')} valuePropName="checked">
                          <Switch />
                        </Form.Item>
                      )}
                    </Form.Item>
                  </Flex>
                  <LocalizedNameFields name={[field.name, 'text']} label={t('surveyDesigner.text')} />
                  <Form.Item noStyle shouldUpdate>
                    {() => form.getFieldValue(['questions', field.name, 'type']) === 'choice' && (
                      <Form.List name={[field.name, 'options']}>
                        {(options, ops) => (
                          <>
                            {options.map((o) => (
                              <Card key={o.key} size="small" type="inner" style={{ marginBottom: 8 }}
                                extra={<Button size="small" danger icon={<DeleteOutlined />} onClick={() => ops.remove(o.name)} aria-label={t('surveyDesigner.remove')} />}>
                                <Form.Item name={[o.name, 'code']} label={t('surveyDesigner.optionCode')} rules={[{ required: true }]}>
                                  <Input maxLength={32} style={{ width: 200 }} />
                                </Form.Item>
                                <LocalizedNameFields name={[o.name, 'text']} label={t('surveyDesigner.option')} />
                              </Card>
                            ))}
                            <Button icon={<PlusOutlined />} onClick={() => ops.add({ code: '', text: {} })}>{t('surveyDesigner.addOption')}</Button>
                          </>
                        )}
                      </Form.List>
                    )}
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: `q${fields.length + 1}`, type: 'nps', text: {} })}>{t('surveyDesigner.addQuestion')}</Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
