import { BankOutlined } from '@ant-design/icons';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../session/permissions';
import { useBranchList } from '../session/useBranchList';
import { useCurrentBranch } from '../session/useCurrentBranch';
import { useMe } from '../session/useMe';

// Select values must be strings; this one stands for "all branches".
const allBranchesValue = '';

/** Which branch the person is working in; a choice only when they can reach more than one. */
export function BranchContextSelect() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: branches } = useBranchList();
  const [current, select] = useCurrentBranch();
  const spansAll = hasPermission(me, 'branches.all');

  const reachable = (branches ?? []).filter((branch) => spansAll || me?.branches.includes(branch.code));
  const options = [
    ...(spansAll ? [{ value: allBranchesValue, label: t('branchContext.all') }] : []),
    ...reachable.map((branch) => ({ value: branch.code, label: `${branch.displayName} (${branch.code})` })),
  ];

  if (options.length <= 1) {
    const only = reachable.find((branch) => branch.code === current);
    return (
      <Typography.Text>
        <BankOutlined aria-hidden /> {only ? only.displayName : (current ?? t('branchContext.all'))}
      </Typography.Text>
    );
  }
  return (
    <Select
      aria-label={t('branchContext.label')}
      data-testid="branch-context"
      prefix={<BankOutlined aria-hidden />}
      value={current ?? allBranchesValue}
      onChange={(value: string) => select(value === allBranchesValue ? undefined : value)}
      options={options}
      popupMatchSelectWidth={false}
      style={{ minWidth: 180 }}
    />
  );
}
