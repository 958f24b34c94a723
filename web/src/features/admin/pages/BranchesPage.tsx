import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../../../shared/api';
import { PageHeading } from '../../../shared/layout';
import { useRealtimeEvent } from '../../../shared/realtime';
import { QueryErrorAlert, RowActions, useProblemReporter } from '../../../shared/ui';
import { useBranchList } from '../../../shared/session';
import { useDeleteBranch, type Branch } from '../api/useBranches';
import { BranchFormDrawer } from '../components/BranchFormDrawer';

export function BranchesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const branches = useBranchList();
  const deleteBranch = useDeleteBranch();
  const reportProblem = useProblemReporter();
  // undefined: drawer closed; null: creating; a branch: editing it
  const [editing, setEditing] = useState<Branch | null>();

  useRealtimeEvent('organisation.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.branches }));

  return (
    <>
      <PageHeading
        title={t('branches.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('branches.create')}
          </Button>
        }
      />
      <QueryErrorAlert error={branches.error} onRetry={() => void branches.refetch()} />
      <Table<Branch>
        rowKey="code"
        loading={branches.isLoading}
        dataSource={branches.data}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { key: 'code', title: t('branches.code'), render: (_, branch) => <Link to={`/admin/branches/${encodeURIComponent(branch.code)}`}>{branch.code}</Link> },
          { key: 'name', title: t('branches.name'), dataIndex: 'displayName' },
          { key: 'timeZone', title: t('branches.timeZone'), dataIndex: 'timeZone' },
          { key: 'services', title: t('branches.serviceCount'), dataIndex: 'serviceCount', align: 'right' },
          { key: 'counters', title: t('branches.counterCount'), dataIndex: 'counterCount', align: 'right' },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, branch) => (
              <RowActions
                name={branch.displayName}
                onEdit={() => setEditing(branch)}
                onRemove={() => deleteBranch.mutateAsync(branch.code).catch(reportProblem)}
                removeConfirm={t('branches.deleteConfirm', { name: branch.displayName })}
              />
            ),
          },
        ]}
      />
      <BranchFormDrawer open={editing !== undefined} branch={editing ?? undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}
