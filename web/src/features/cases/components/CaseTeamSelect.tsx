import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBranchTeams } from '../../../shared/teams';
import { useProblemReporter } from '../../../shared/ui';
import { useAssignCase, type CaseDetail } from '../api/useCases';

/** Gives the case to one of its branch's teams (or none), keeping its assignee. */
export function CaseTeamSelect({ caseDetail: c }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const teams = useBranchTeams(c.branchCode);
  const assign = useAssignCase(c.id);
  const report = useProblemReporter();
  // A team retired since the case joined it is no longer offered, but the case still shows it.
  const kept = c.teamId && teams.data && !teams.data.some((team) => team.id === c.teamId)
    ? [{ value: c.teamId, label: t('cases.teamRetired', { name: c.team ?? '' }), disabled: true }]
    : [];

  return (
    <Select<string>
      data-testid="case-team-picker"
      style={{ width: '100%' }}
      aria-label={t('cases.moveToTeam')}
      placeholder={t('cases.moveToTeam')}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={teams.isLoading || assign.isPending}
      value={c.teamId ?? undefined}
      notFoundContent={t('cases.noTeams')}
      options={[...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })), ...kept]}
      onChange={(teamId) =>
        assign.mutate(
          { assigneeId: c.assigneeId ?? null, teamId: teamId ?? null },
          {
            onSuccess: () => void message.success(teamId ? t('cases.teamChanged', { name: teams.data?.find((x) => x.id === teamId)?.name ?? '' }) : t('cases.teamCleared')),
            onError: (e) => report(e),
          },
        )
      }
    />
  );
}
