import { PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../shared/layout';
import { useBranchList, useCurrentBranch } from '../../../shared/session';
import { QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { useCallBack, useCallBacks, useDial, useRecordAttempt, type CallBackItem } from '../api/useFeedback';
import type { SurveyAnswerValue } from '../api/useSurvey';
import { SurveyQuestionField } from '../components/SurveyQuestionField';
import '../components/survey.css';

const statuses = ['open', 'done', 'refused', 'unreachable'] as const;

/** Phone call-back (电话回访): today's list for the branch, the script, the dial and the form for each attempt. */
export function CallBacksPage() {
  const { t } = useTranslation();
  const [current] = useCurrentBranch();
  const branches = useBranchList();
  const [chosen, setBranch] = useState<string | undefined>(current);
  // Head-office roles working across all branches start with the first one: the list is one branch's day.
  const branch = chosen ?? branches.data?.[0]?.code;
  const [status, setStatus] = useState<string>('open');
  const list = useCallBacks(branch, status);
  const [selected, setSelected] = useState<string>();
  return (
    <>
      <PageHeading title={t('callBacks.title')} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select style={{ width: 220 }} value={branch} onChange={setBranch} aria-label={t('feedback.branch')} placeholder={t('feedback.branch')}
          options={(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.code} · ${b.displayName}` }))} />
        <Segmented value={status} onChange={(v) => setStatus(String(v))} options={statuses.map((s) => ({ value: s, label: t(`callBacks.statuses.${s}`) }))} />
      </Flex>
      <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<CallBackItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: t('callBacks.empty') }}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'due', title: t('callBacks.due'), dataIndex: 'dueDate', width: 120 },
          { key: 'reason', title: t('callBacks.reason'), render: (_, r) => <Tag color={r.reason === 'dissatisfied' ? 'red' : 'blue'}>{t(`callBacks.reasons.${r.reason}`, { defaultValue: r.reason })}</Tag> },
          { key: 'customer', title: t('callBacks.customer'), dataIndex: 'customerName' },
          { key: 'phone', title: t('callBacks.phone'), dataIndex: 'phoneMasked' },
          { key: 'reference', title: t('callBacks.reference'), dataIndex: 'reference' },
          { key: 'staff', title: t('callBacks.servedBy'), render: (_, r) => [r.counter != null ? t('survey.counter', { counter: r.counter }) : null, r.staffName].filter(Boolean).join(' · ') },
          { key: 'attempts', title: t('callBacks.attempts'), render: (_, r) => `${r.attempts} / ${r.maxAttempts}` },
        ]}
      />
      <CallDrawer id={selected} onClose={() => setSelected(undefined)} />
    </>
  );
}

function CallDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useProblemReporter();
  const detail = useCallBack(id);
  const dial = useDial();
  const attempt = useRecordAttempt();
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  const [note, setNote] = useState('');
  const data = detail.data;
  const record = (outcome: string) =>
    attempt.mutate(
      { id: id!, outcome, note: note || undefined, answers: outcome === 'reached' ? Object.entries(answers).map(([questionId, value]) => ({ questionId, value })) : undefined },
      {
        onSuccess: () => {
          void message.success(t('callBacks.recorded'));
          setAnswers({});
          setNote('');
          onClose();
        },
        onError: (e) => report(e),
      },
    );
  return (
    <Drawer open={!!id} onClose={onClose} width={560} title={data ? `${data.item.customerName} · ${data.item.phoneMasked ?? ''}` : t('common.loading')} destroyOnHidden>
      {data && (
        <div className="tp-survey tp-callback">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Alert type="info" showIcon message={t('callBacks.script')} description={data.script.greeting} />
            <Flex gap={8} align="center" wrap>
              <Button icon={<PhoneOutlined />} onClick={() => dial.mutate(id!, { onError: (e) => report(e) })} loading={dial.isPending}>
                {t('callBacks.dial')}
              </Button>
              {dial.data && <Typography.Text copyable strong data-testid="dialed-number">{dial.data.phone}</Typography.Text>}
              <Typography.Text type="secondary">{t('callBacks.dialAudited')}</Typography.Text>
            </Flex>
            {data.script.questions.map((q) => (
              <SurveyQuestionField key={q.id} question={q} value={answers[q.id]}
                onChange={(v) => setAnswers((a) => { const next = { ...a }; if (v === undefined) delete next[q.id]; else next[q.id] = v; return next; })} />
            ))}
            <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('callBacks.note')} aria-label={t('callBacks.note')} maxLength={2000} />
            <Alert type="success" message={data.script.closing} />
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => record('reached')} loading={attempt.isPending}>{t('callBacks.outcomes.reached')}</Button>
              <Button onClick={() => record('noAnswer')} loading={attempt.isPending}>{t('callBacks.outcomes.noAnswer')}</Button>
              <Button danger onClick={() => record('refused')} loading={attempt.isPending}>{t('callBacks.outcomes.refused')}</Button>
            </Flex>
          </Space>
        </div>
      )}
    </Drawer>
  );
}
