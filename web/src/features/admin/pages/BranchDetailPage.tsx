import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Spin, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { queryKeys } from '../../../shared/api';
import { PageHeading } from '../../../shared/layout';
import { useRealtimeEvent } from '../../../shared/realtime';
import { QueryErrorAlert } from '../../../shared/ui';
import { useBranch } from '../api/useBranches';
import { BranchFormDrawer } from '../components/BranchFormDrawer';
import { CountersPanel } from '../components/CountersPanel';
import { QueueRulesPanel } from '../components/QueueRulesPanel';
import { ServicesPanel } from '../components/ServicesPanel';

interface Props {
  /** The devices tab comes from the devices feature; the app passes it in. */
  renderDevices: (branchCode: string) => ReactNode;
}

export function BranchDetailPage({ renderDevices }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const code = useParams<{ code: string }>().code ?? '';
  const branch = useBranch(code);
  const [editing, setEditing] = useState(false);

  // Events carry the branch code in upper case; an event without one concerns every branch.
  useRealtimeEvent(
    (event) => event.type === 'organisation.changed' && (!event.branchCode || event.branchCode.toUpperCase() === code.toUpperCase()),
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.branch(code) }),
  );

  const title = branch.data ? `${branch.data.displayName} (${branch.data.code})` : code;
  return (
    <>
      <PageHeading
        title={title}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/admin/branches')}>
              {t('branches.backToList')}
            </Button>
            <Button icon={<EditOutlined />} disabled={!branch.data} onClick={() => setEditing(true)}>
              {t('branches.edit')}
            </Button>
          </Space>
        }
      />
      <QueryErrorAlert error={branch.error} onRetry={() => void branch.refetch()} />
      {branch.isLoading ? (
        <Spin aria-label={t('common.loading')} />
      ) : (
        <Tabs
          items={[
            { key: 'services', label: t('branches.tabs.services'), children: <ServicesPanel branchCode={code} /> },
            { key: 'counters', label: t('branches.tabs.counters'), children: <CountersPanel branchCode={code} /> },
            { key: 'queueRules', label: t('branches.tabs.queueRules'), children: <QueueRulesPanel branchCode={code} /> },
            { key: 'devices', label: t('branches.tabs.devices'), children: renderDevices(code) },
          ]}
        />
      )}
      <BranchFormDrawer open={editing} branch={branch.data} onClose={() => setEditing(false)} />
    </>
  );
}
