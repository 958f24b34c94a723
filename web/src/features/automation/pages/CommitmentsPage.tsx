import { Button, DatePicker, Segmented, Select, Space, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useBranchList, useMe } from '../../../shared/session';
import { QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { useKeepCommitment, useMissedCommitments, useMyCommitments, type Commitment } from '../api/useAutomation';
import { CommitmentStatusTag } from '../components/CommitmentStatusTag';

type Status = 'open' | 'kept' | 'missed';

/** The promises I keep (open first, by due time), and for supervisors the missed ones of a branch and period. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canReport = hasPermission(me.data, 'feedback.read');
  return (
    <>
      <PageHeading title={t('automation.commitments.pageTitle')} />
      <Tabs
        items={[
          { key: 'mine', label: t('automation.commitments.mine'), children: <Mine /> },
          ...(canReport ? [{ key: 'missed', label: t('automation.commitments.missedReport'), children: <MissedReport /> }] : []),
        ]}
      />
    </>
  );
}

function useColumns(withKeep: boolean) {
  const { t, i18n } = useTranslation();
  const keep = useKeepCommitment();
  const report = useProblemReporter();
  return [
    { key: 'due', title: t('automation.commitments.dueAt'), width: 170, render: (_: unknown, c: Commitment) => `${c.dueLocal} (${c.branchCode})` },
    { key: 'promise', title: t('automation.commitments.promise'), render: (_: unknown, c: Commitment) => c.promise },
    { key: 'case', title: t('automation.commitments.case'), width: 200, render: (_: unknown, c: Commitment) => <Link to={`/cases/${c.caseId}`}>{c.caseReference} · {c.caseSubject}</Link> },
    { key: 'responsible', title: t('automation.commitments.responsible'), width: 130, render: (_: unknown, c: Commitment) => c.responsibleName ?? '—' },
    { key: 'status', title: t('automation.commitments.statusLabel'), width: 110, render: (_: unknown, c: Commitment) => <CommitmentStatusTag status={c.status} /> },
    {
      key: 'when', title: t('automation.commitments.settled'), width: 160,
      render: (_: unknown, c: Commitment) => (c.keptAt ? formatDateTime(c.keptAt, i18n.language) : c.missedAt ? formatDateTime(c.missedAt, i18n.language) : '—'),
    },
    ...(withKeep
      ? [{
          key: 'keep', title: t('common.actions'), width: 120,
          render: (_: unknown, c: Commitment) =>
            c.status !== 'kept' && (
              <Button size="small" onClick={() => keep.mutate(c.id, { onError: (e) => report(e) })}>{t('automation.commitments.markKept')}</Button>
            ),
        }]
      : []),
  ];
}

function Mine() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('open');
  const mine = useMyCommitments(status);
  const columns = useColumns(true);
  return (
    <>
      <Segmented<Status>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={(['open', 'missed', 'kept'] as const).map((s) => ({ value: s, label: t(`automation.commitments.status.${s}`) }))}
      />
      <QueryErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
      <Table<Commitment> rowKey="id" size="middle" loading={mine.isLoading} dataSource={mine.data} columns={columns} pagination={false} scroll={{ x: 900 }} />
    </>
  );
}

function MissedReport() {
  const { t } = useTranslation();
  const branches = useBranchList();
  const [branch, setBranch] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const missed = useMissedCommitments(branch, range?.[0]?.toISOString(), range?.[1]?.toISOString(), true);
  const columns = useColumns(false);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('automation.commitments.allMyBranches')}
          aria-label={t('cases.branch')}
          value={branch}
          onChange={setBranch}
          options={(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.code} · ${b.displayName}` }))}
        />
        <DatePicker.RangePicker showTime onChange={(value) => setRange(value)} />
      </Space>
      <QueryErrorAlert error={missed.error} onRetry={() => void missed.refetch()} />
      <Table<Commitment> rowKey="id" size="middle" loading={missed.isLoading} dataSource={missed.data} columns={columns} pagination={{ pageSize: 50 }} scroll={{ x: 900 }} />
    </>
  );
}
