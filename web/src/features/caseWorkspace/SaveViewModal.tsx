import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useCurrentBranch, useMe } from '../../shared/session';
import { TeamFilterSelect, useBranchTeams, useMyTeams } from '../../shared/teams';
import { FormModal, FormSelect, useProblemReporter } from '../../shared/ui';
import { caseChannels, casePriorities, caseStatuses } from '../cases/components/caseLabels';
import { useSaveCaseView, type CaseViewFilter } from './api';

interface Values extends CaseViewFilter {
  name: string;
  scope: 'private' | 'branch' | 'team';
  teamId?: string;
}

const slaStates = ['breached', 'dueSoon', 'onTrack'] as const;
const sorts = ['newest', 'oldest', 'slaDue', 'priority'] as const;

/**
 * Saves a case list filter as a view: private, shared with the current branch (supervisors), or shared with a team
 * (its members, and supervisors for any team of the branch); a team view shows in its members' side bars only.
 */
export function SaveViewModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (key: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [branch] = useCurrentBranch();
  const [form] = Form.useForm<Values>();
  const save = useSaveCaseView();
  const report = useProblemReporter();
  const canShare = hasPermission(me.data, 'cases.supervise');
  const scope = Form.useWatch('scope', form);
  const myTeams = useMyTeams();
  const branchTeams = useBranchTeams(canShare ? branch : undefined);
  const shareable = new Map<string, string>();
  (myTeams.data ?? []).forEach((team) => shareable.set(team.id, `${team.name} (${team.branchCode})`));
  (branchTeams.data ?? []).forEach((team) => shareable.set(team.id, `${team.name} (${team.branchCode})`));

  return (
    <FormModal<Values>
      open={open}
      title={t('workspace.views.save')}
      form={form}
      initialValues={{ scope: 'private', sort: 'newest' }}
      saving={save.isPending}
      onCancel={onClose}
      onSubmit={({ name, scope, teamId, ...filter }) =>
        save.mutate(
          { body: { name, scope, branch: scope === 'branch' ? (branch ?? null) : null, teamId: scope === 'team' ? (teamId ?? null) : null, filter } },
          {
            onSuccess: (view) => {
              onClose();
              onSaved(view.key);
            },
            onError: (e) => report(e, form),
          },
        )
      }
    >
      <Form.Item name="name" label={t('workspace.views.name')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={128} />
      </Form.Item>
      {(canShare || shareable.size > 0) && (
        <Form.Item name="scope" label={t('workspace.views.scope')}>
          <Radio.Group
            options={[
              { value: 'private', label: t('workspace.views.private') },
              ...(canShare ? [{ value: 'branch', label: t('workspace.views.branch', { branch: branch ?? '' }), disabled: !branch }] : []),
              { value: 'team', label: t('workspace.views.teamScope'), disabled: shareable.size === 0 },
            ]}
          />
        </Form.Item>
      )}
      {scope === 'team' && (
        <Form.Item name="teamId" label={t('workspace.views.shareWithTeam')} rules={[{ required: true, message: t('validation.required') }]}>
          <FormSelect<string>
            options={[...shareable].map(([value, label]) => ({ value, label }))}
            // A view for a team usually lists that team's cases: start from that filter unless one is chosen.
            onChange={(teamId) => !form.getFieldValue('team') && form.setFieldValue('team', teamId)}
          />
        </Form.Item>
      )}
      <Form.Item name="statuses" label={t('cases.status')}>
        <Select mode="multiple" allowClear options={caseStatuses.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="priority" label={t('cases.priority')}>
        <Select allowClear options={casePriorities.map((p) => ({ value: p, label: t(`cases.priorities.${p}`) }))} />
      </Form.Item>
      <Form.Item name="assignee" label={t('cases.assignee')}>
        <Select
          allowClear
          options={[
            { value: 'me', label: t('cases.assignedToMe') },
            { value: 'none', label: t('cases.unassigned') },
          ]}
        />
      </Form.Item>
      <Form.Item name="channel" label={t('cases.channel')}>
        <Select allowClear options={caseChannels.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))} />
      </Form.Item>
      <Form.Item name="team" label={t('workspace.views.team')}>
        <TeamFilterSelect branchCode={branch} />
      </Form.Item>
      <Form.Item name="category" label={t('cases.category')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="tags" label={t('workspace.views.tags')}>
        <Select mode="tags" open={false} />
      </Form.Item>
      <Form.Item name="sla" label={t('workspace.views.sla')}>
        <Select allowClear options={slaStates.map((s) => ({ value: s, label: t(`workspace.views.slaStates.${s}`) }))} />
      </Form.Item>
      <Form.Item name="sort" label={t('workspace.views.sort')}>
        <Select options={sorts.map((s) => ({ value: s, label: t(`workspace.views.sorts.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
