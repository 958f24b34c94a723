import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBranchList, useCurrentBranch } from '../../../shared/session';
import { useBranchTeams } from '../../../shared/teams';
import { FormModal, FormSelect, useProblemReporter } from '../../../shared/ui';
import { useCreateCase } from '../api/useCases';
import { CaseClassificationFields } from './CaseClassificationFields';
import { caseChannels } from './caseLabels';

interface Values {
  subject: string;
  description?: string;
  channel: string;
  priority: string;
  category?: string;
  customer: { name: string; phone?: string; email?: string };
  branch?: string;
  teamId?: string;
}

export function NewCaseModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const report = useProblemReporter();
  const branches = useBranchList();
  const [currentBranch] = useCurrentBranch();
  const branch = Form.useWatch('branch', form);
  const teams = useBranchTeams(branch);
  const blank = (value?: string) => value?.trim() || null;
  // The header's branch, or the only one there is; someone working across branches chooses.
  const initialBranch = currentBranch ?? (branches.data?.length === 1 ? branches.data[0].code : undefined);
  return (
    <FormModal<Values>
      open={open}
      title={t('cases.new')}
      form={form}
      saving={create.isPending}
      initialValues={{ channel: 'phone', priority: 'normal', branch: initialBranch }}
      onCancel={onClose}
      okText={t('common.create')}
      onSubmit={(v) =>
        create.mutate(
          {
            subject: v.subject,
            description: blank(v.description),
            channel: v.channel,
            priority: v.priority,
            category: blank(v.category),
            customer: { name: v.customer.name, phone: blank(v.customer.phone), email: blank(v.customer.email), id: null },
            tags: null,
            branch: v.branch ?? null,
            teamId: v.teamId ?? null,
          },
          { onSuccess: (created) => onCreated((created as { id: string }).id), onError: (e) => report(e, form) },
        )
      }
    >
      <Form.Item name="subject" label={t('cases.subject')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={256} />
      </Form.Item>
      <Form.Item name="description" label={t('cases.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name={['customer', 'name']} label={t('cases.customerName')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item name={['customer', 'phone']} label={t('cases.customerPhone')}>
        <Input />
      </Form.Item>
      <Form.Item name={['customer', 'email']} label={t('cases.customerEmail')}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="channel" label={t('cases.channel')}>
        <Select options={caseChannels.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))} />
      </Form.Item>
      <CaseClassificationFields />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="branch" label={t('cases.branch')} rules={[{ required: true, message: t('validation.required') }]}>
            <FormSelect<string>
              loading={branches.isLoading}
              options={(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.code} · ${b.displayName}` }))}
              // A team belongs to one branch: another branch's team cannot come along.
              onChange={() => form.setFieldValue('teamId', undefined)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="teamId" label={t('cases.team')} extra={t('cases.newTeamHint')}>
            <Select<string>
              data-testid="new-case-team"
              allowClear
              showSearch
              optionFilterProp="label"
              disabled={!branch}
              loading={teams.isLoading}
              placeholder={t('cases.newTeamPlaceholder')}
              notFoundContent={t('cases.noTeams')}
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
