import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { useBranchList, useCurrentBranch } from '../../../shared/session';
import { useBranchTeams, type Team } from '../../../shared/teams';
import { QueryErrorAlert, StatusDot, useProblemReporter } from '../../../shared/ui';
import { useRetireTeam } from '../api/useTeamAdmin';
import { TeamFormModal } from '../components/TeamFormModal';

/** Administrators and managers keep each branch's teams: who is in them, their names, and which are retired. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const branches = useBranchList();
  const [current] = useCurrentBranch();
  const [chosen, setChosen] = useState<string>();
  const branchCode = chosen ?? current ?? branches.data?.[0]?.code;
  const [showRetired, setShowRetired] = useState(false);
  const teams = useBranchTeams(branchCode, { includeRetired: showRetired });
  const retire = useRetireTeam(branchCode ?? '');
  const report = useProblemReporter();
  const [editing, setEditing] = useState<Team | null>();

  const setRetired = (team: Team, value: boolean) =>
    retire.mutateAsync({ id: team.id, retire: value }).then(
      () => void message.success(value ? t('teams.retiredDone', { name: team.name }) : t('teams.reinstatedDone', { name: team.name })),
      (e: unknown) => report(e),
    );

  return (
    <>
      <PageHeading
        title={t('teams.title')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('teams.branch')}
              style={{ minWidth: 220 }}
              value={branchCode}
              loading={branches.isLoading}
              onChange={setChosen}
              options={(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.displayName} (${b.code})` }))}
            />
            <Button type="primary" icon={<PlusOutlined />} disabled={!branchCode} onClick={() => setEditing(null)}>
              {t('teams.create')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('teams.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Switch id="show-retired-teams" checked={showRetired} onChange={setShowRetired} />
        <label htmlFor="show-retired-teams">{t('teams.showRetired')}</label>
      </Space>
      <QueryErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={teams.isLoading}
        dataSource={teams.data}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('teams.empty') }}
        columns={[
          { key: 'name', title: t('teams.name'), dataIndex: 'name', width: 200 },
          {
            key: 'members',
            title: t('teams.members'),
            render: (_, team) =>
              team.members.length === 0 ? (
                <Typography.Text type="secondary">{t('teams.noMembers')}</Typography.Text>
              ) : (
                <Space wrap size={[4, 4]}>
                  {team.members.map((m) => (
                    <Tag key={m.userId}>{m.displayName}</Tag>
                  ))}
                </Space>
              ),
          },
          { key: 'open', title: t('teams.openCases'), dataIndex: 'openCases', width: 120 },
          {
            key: 'status',
            title: t('teams.status'),
            width: 120,
            render: (_, team) => <StatusDot tone={team.retired ? 'default' : 'success'} label={team.retired ? t('teams.retired') : t('teams.active')} />,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 200,
            render: (_, team) =>
              team.retired ? (
                <Button size="small" onClick={() => void setRetired(team, false)} aria-label={t('common.actionNamed', { action: t('teams.reinstate'), name: team.name })}>
                  {t('teams.reinstate')}
                </Button>
              ) : (
                <Space>
                  <Button size="small" onClick={() => setEditing(team)} aria-label={t('common.actionNamed', { action: t('common.edit'), name: team.name })}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('teams.retireConfirm', { name: team.name, count: team.openCases })}
                    okText={t('teams.retire')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setRetired(team, true)}
                  >
                    <Button size="small" danger aria-label={t('common.actionNamed', { action: t('teams.retire'), name: team.name })}>
                      {t('teams.retire')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {branchCode && (
        <TeamFormModal branchCode={branchCode} open={editing !== undefined} team={editing ?? undefined} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
