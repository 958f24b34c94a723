import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBranchTeams } from './useTeams';

type Props = Omit<SelectProps<string>, 'options'> & {
  /** Whose teams to offer beside "my teams" and "no team": a branch's, or none while all branches are shown. */
  branchCode?: string;
  'aria-required'?: boolean | 'true' | 'false';
};

/**
 * A team filter for case lists and views: "my teams", "no team", or one team of the branch. A value that is not among
 * them (a view saved with a team name before teams were records) is shown as it is.
 */
export function TeamFilterSelect({ branchCode, 'aria-required': _ariaRequired, ...props }: Props) {
  const { t } = useTranslation();
  const teams = useBranchTeams(branchCode);
  return (
    <Select<string>
      allowClear
      showSearch
      optionFilterProp="label"
      loading={teams.isLoading}
      {...props}
      options={[
        { value: 'mine', label: t('teams.filter.mine') },
        { value: 'none', label: t('teams.filter.none') },
        ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
      ]}
    />
  );
}
