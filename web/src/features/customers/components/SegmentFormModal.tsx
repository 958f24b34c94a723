import { Checkbox, Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { asLocalizedText, type LocalizedText } from '../../../shared/api';
import { FormModal, LocalizedNameFields, useProblemReporter } from '../../../shared/ui';
import { useSaveSegment, type Segment, type SegmentRequest } from '../api/useCustomers';
import { customerNeeds } from './CreateCustomerModal';

export const customerTiers = ['new', 'top', 'loyal', 'promising', 'regular', 'atRisk', 'dormant'] as const;
const queuePriorities = ['vip', 'elderly', 'disabled', 'pregnant'] as const;

/** Yes / no / not a condition, for the optional booleans of rules and policies. */
type Choice = 'any' | 'yes' | 'no';
const toChoice = (value: boolean | null | undefined): Choice => (value == null ? 'any' : value ? 'yes' : 'no');
const fromChoice = (choice: Choice) => (choice === 'any' ? null : choice === 'yes');

interface Values {
  code: string;
  name: LocalizedText;
  rank: number;
  isActive: boolean;
  minValue?: number | null;
  minVisitsLastYear?: number | null;
  seenWithinDays?: number | null;
  notSeenForDays?: number | null;
  anyTags: string[];
  anyTiers: string[];
  anyNeeds: string[];
  vip: Choice;
  queuePriority?: string | null;
  slaPolicy?: string | null;
  surveyEligible: Choice;
}

const orNull = <T,>(items: T[]) => (items.length > 0 ? items : null);

/** Rules (every condition given must hold) and the service policies members get. */
export function SegmentFormModal({ segment, open, onClose }: { segment: Segment | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveSegment(segment?.code ?? null);
  const reportProblem = useProblemReporter();
  const r = segment?.rules;
  const p = segment?.policy;

  const submit = (v: Values) => {
    const body: SegmentRequest = {
      code: v.code.trim(), name: v.name, rank: v.rank, isActive: v.isActive,
      rules: {
        minValue: v.minValue ?? null, minVisitsLastYear: v.minVisitsLastYear ?? null, seenWithinDays: v.seenWithinDays ?? null,
        notSeenForDays: v.notSeenForDays ?? null, anyTags: orNull(v.anyTags), anyTiers: orNull(v.anyTiers), anyNeeds: orNull(v.anyNeeds),
        vip: fromChoice(v.vip),
      },
      policy: { queuePriority: v.queuePriority || null, slaPolicy: v.slaPolicy?.trim() || null, surveyEligible: fromChoice(v.surveyEligible) },
    };
    save.mutate(body, { onSuccess: onClose, onError: (error) => reportProblem(error, form) });
  };
  const choices = [
    { value: 'any', label: t('segments.choice.any') },
    { value: 'yes', label: t('segments.choice.yes') },
    { value: 'no', label: t('segments.choice.no') },
  ];
  const count = (name: keyof Values, label: string) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal open={open} form={form} saving={save.isPending} onCancel={onClose} onSubmit={submit}
      title={segment ? t('segments.editTitle', { name: segment.displayName }) : t('segments.createTitle')}
      initialValues={{
        code: segment?.code ?? '', name: segment ? asLocalizedText(segment.name) : {}, rank: segment?.rank ?? 0, isActive: segment?.isActive ?? true,
        minValue: r?.minValue, minVisitsLastYear: r?.minVisitsLastYear, seenWithinDays: r?.seenWithinDays, notSeenForDays: r?.notSeenForDays,
        anyTags: r?.anyTags ?? [], anyTiers: r?.anyTiers ?? [], anyNeeds: r?.anyNeeds ?? [], vip: toChoice(r?.vip),
        queuePriority: p?.queuePriority ?? null, slaPolicy: p?.slaPolicy ?? null, surveyEligible: toChoice(p?.surveyEligible),
      }}>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="code" label={t('segments.code')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={32} disabled={segment !== null} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="rank" label={t('segments.rank')} extra={t('segments.rankHint')}>
            <InputNumber min={-1000} max={1000} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="isActive" label={t('segments.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <LocalizedNameFields name={['name']} label={t('segments.name')} />
      <Divider orientation="left">{t('segments.rules')}</Divider>
      <Row gutter={12}>
        {count('minValue', t('segments.rule.minValue'))}
        {count('minVisitsLastYear', t('segments.rule.minVisitsLastYear'))}
        {count('seenWithinDays', t('segments.rule.seenWithinDays'))}
        {count('notSeenForDays', t('segments.rule.notSeenForDays'))}
      </Row>
      <Form.Item name="anyTags" label={t('segments.rule.anyTags')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="anyTiers" label={t('segments.rule.anyTiers')}>
        <Select mode="multiple" options={customerTiers.map((tier) => ({ value: tier, label: t(`customers.tiers.${tier}`) }))} />
      </Form.Item>
      <Form.Item name="anyNeeds" label={t('segments.rule.anyNeeds')}>
        <Checkbox.Group options={customerNeeds.map((n) => ({ value: n, label: t(`customers.need.${n}`) }))} />
      </Form.Item>
      <Form.Item name="vip" label={t('segments.rule.vip')}>
        <Select options={choices} style={{ width: 220 }} />
      </Form.Item>
      <Divider orientation="left">{t('segments.policy')}</Divider>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="queuePriority" label={t('customers.queuePriority')}>
            <Select allowClear options={queuePriorities.map((q) => ({ value: q, label: t(`queue.priority.${q}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="slaPolicy" label={t('segments.slaPolicy')}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="surveyEligible" label={t('segments.surveys')}>
            <Select options={choices} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
