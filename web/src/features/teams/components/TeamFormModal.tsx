import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/teams';
import { FormModal, FormSelect, useProblemReporter } from '../../../shared/ui';
import { useSaveTeam, useTeamCandidates, type SaveTeamRequest } from '../api/useTeamAdmin';

interface Props {
  branchCode: string;
  open: boolean;
  /** The team to rename and staff, or none for a new one. */
  team?: Team;
  onClose: () => void;
}

/** Names a team and chooses its members among the branch's staff who work cases. */
export function TeamFormModal({ branchCode, open, team, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SaveTeamRequest>();
  const save = useSaveTeam(branchCode);
  const candidates = useTeamCandidates(branchCode);
  const report = useProblemReporter();
  // Members who no longer appear among the candidates (moved branch, new role) stay listed by name until removed.
  const options = [
    ...(candidates.data ?? []).map((c) => ({ value: c.userId, label: c.displayName })),
    ...(team?.members ?? []).filter((m) => !candidates.data?.some((c) => c.userId === m.userId)).map((m) => ({ value: m.userId, label: m.displayName })),
  ];

  return (
    <FormModal<SaveTeamRequest>
      open={open}
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')}
      form={form}
      initialValues={{ name: team?.name ?? '', memberIds: team?.members.map((m) => m.userId) ?? [] }}
      saving={save.isPending}
      onCancel={onClose}
      onSubmit={(body) =>
        save.mutate(
          { id: team?.id, body: { name: body.name, memberIds: body.memberIds ?? [] } },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: (e) => report(e, form),
          },
        )
      }
    >
      <Form.Item name="name" label={t('teams.name')} extra={t('teams.nameHint')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('teams.members')} extra={t('teams.membersHint')}>
        <FormSelect mode="multiple" allowClear showSearch optionFilterProp="label" loading={candidates.isLoading} options={options} />
      </Form.Item>
    </FormModal>
  );
}
