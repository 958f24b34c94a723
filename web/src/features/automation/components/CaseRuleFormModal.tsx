import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBranchList } from '../../../shared/session';
import { TeamNameInput } from '../../../shared/teams';
import { FormModal, useProblemReporter } from '../../../shared/ui';
import { caseStatuses, casePriorities } from '../../cases/components/caseLabels';
import { useMacros } from '../../cases/api/useMacros';
import { useSaveCaseRule, type CaseRule, type CaseRuleRequest } from '../api/useAutomation';
import { ruleActions, ruleEvents, ruleFields, ruleOperators, timedEvents, valueless } from './ruleVocabulary';

/** "Team is" and "team is not" name one team; "team contains" takes words, as other fields do. */
const namesTeam = (c?: { field?: string; operator?: string }) => c?.field === 'team' && (c.operator === 'is' || c.operator === 'isNot');

interface Values {
  name: string;
  branch: string;
  event: string;
  hours?: number;
  position?: number;
  isEnabled: boolean;
  matchAll: boolean;
  conditions: { field: string; operator: string; value?: string }[];
  actions: { type: string; value?: string }[];
}

/** Writes a trigger or time-based automation: when, if (all or any of the conditions), then (the actions, in order). */
export function CaseRuleFormModal({ rule, open, onClose }: { rule: CaseRule | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveCaseRule(rule?.id ?? null);
  const branches = useBranchList();
  const macros = useMacros();
  const report = useProblemReporter();
  const event = Form.useWatch('event', form);
  const actions = Form.useWatch('actions', form);
  const conditions = Form.useWatch('conditions', form);
  // Teams are named, and found in the case's branch: offer the rule's branch's names, or those of every branch.
  const ruleBranch = Form.useWatch('branch', form) || undefined;

  const valueInput = (type: string | undefined) => {
    const label = t('automation.rules.value');
    if (type === 'setPriority') return <Select aria-label={label} options={casePriorities.map((p) => ({ value: p, label: t(`cases.priorities.${p}`) }))} />;
    if (type === 'setStatus') return <Select aria-label={label} options={caseStatuses.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))} />;
    if (type === 'sendMacro') return <Select aria-label={label} options={(macros.data ?? []).map((m) => ({ value: m.id, label: m.displayTitle }))} />;
    if (type === 'setTeam') return <TeamNameInput aria-label={label} branchCode={ruleBranch} style={{ width: 240 }} />;
    if (type === 'setAssignee') return <Select aria-label={label} options={[{ value: 'auto', label: t('automation.rules.roundRobin') }]} />;
    if (type === 'addNote' || type === 'notifySupervisors') return <Input.TextArea aria-label={label} rows={1} maxLength={4000} />;
    return <Input aria-label={label} maxLength={64} />;
  };

  return (
    <FormModal<Values>
      open={open}
      form={form}
      saving={save.isPending}
      onCancel={onClose}
      title={rule ? t('automation.rules.editTitle', { name: rule.name }) : t('automation.rules.createTitle')}
      initialValues={{
        name: rule?.name ?? '', branch: rule?.branch ?? '', event: rule?.event ?? 'caseCreated', hours: rule?.hours ?? undefined,
        position: rule?.position, isEnabled: rule?.isEnabled ?? false, matchAll: rule?.matchAll ?? true,
        conditions: rule?.conditions.map((c) => ({ field: c.field ?? '', operator: c.operator ?? 'is', value: c.value ?? undefined })) ?? [],
        actions: rule?.actions.map((a) => ({ type: a.type ?? '', value: a.value ?? undefined })) ?? [{ type: 'addTag' }],
      }}
      onSubmit={(v) => {
        const body: CaseRuleRequest = {
          name: v.name, branch: v.branch || null, event: v.event, hours: timedEvents.includes(v.event) ? (v.hours ?? null) : null,
          position: v.position ?? null, isEnabled: v.isEnabled, matchAll: v.matchAll,
          conditions: (v.conditions ?? []).map((c) => ({ field: c.field, operator: c.operator, value: valueless.includes(c.operator) ? null : (c.value ?? null) })),
          actions: (v.actions ?? []).map((a) => ({ type: a.type, value: a.value ?? null })),
        };
        save.mutate(body, { onSuccess: onClose, onError: (e) => report(e, form) });
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item name="name" label={t('automation.rules.name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={128} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="branch" label={t('cases.branch')}>
            <Select options={[{ value: '', label: t('macros.allBranches') }, ...(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.code} · ${b.displayName}` }))]} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="event" label={t('automation.rules.when')}>
            <Select aria-label={t('automation.rules.when')} options={ruleEvents.map((e) => ({ value: e, label: t(`automation.rules.events.${e}`) }))} />
          </Form.Item>
        </Col>
        {event && timedEvents.includes(event) && (
          <Col xs={12} sm={6}>
            <Form.Item name="hours" label={t('automation.rules.hours')}>
              <InputNumber min={0} max={2160} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} sm={6}>
          <Form.Item name="position" label={t('automation.rules.position')} tooltip={t('automation.rules.positionHint')}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {event && timedEvents.includes(event) && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('automation.rules.oncePerCase')} />}
      <Form.Item name="matchAll" label={t('automation.rules.if')}>
        <Radio.Group options={[{ value: true, label: t('automation.rules.matchAll') }, { value: false, label: t('automation.rules.matchAny') }]} />
      </Form.Item>
      <Form.List name="conditions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap data-testid="rule-condition">
                <Form.Item name={[f.name, 'field']}>
                  <Select style={{ width: 150 }} aria-label={t('automation.rules.field')} options={ruleFields.map((x) => ({ value: x, label: t(`automation.rules.fields.${x}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'operator']}>
                  <Select style={{ width: 140 }} aria-label={t('automation.rules.operator')} options={ruleOperators.map((x) => ({ value: x, label: t(`automation.rules.operators.${x}`) }))} />
                </Form.Item>
                {!valueless.includes(conditions?.[f.name]?.operator ?? '') && (
                  <Form.Item name={[f.name, 'value']}>
                    {namesTeam(conditions?.[f.name]) ? (
                      <TeamNameInput aria-label={t('automation.rules.value')} branchCode={ruleBranch} style={{ width: 220 }} />
                    ) : (
                      <Input style={{ width: 220 }} aria-label={t('automation.rules.value')} placeholder={t('automation.rules.valueHint')} />
                    )}
                  </Form.Item>
                )}
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ field: 'subject', operator: 'contains' })}>{t('automation.rules.addCondition')}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{t('automation.rules.then')}</Typography.Paragraph>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap data-testid="rule-action">
                <Form.Item name={[f.name, 'type']}>
                  <Select style={{ width: 190 }} aria-label={t('automation.rules.action')} options={ruleActions.map((x) => ({ value: x, label: t(`automation.rules.actions.${x}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'value']} style={{ minWidth: 240 }}>
                  {valueInput(actions?.[f.name]?.type)}
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'addTag' })}>{t('automation.rules.addAction')}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item name="isEnabled" label={t('automation.rules.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
