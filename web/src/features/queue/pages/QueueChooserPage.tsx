import { Button, Card, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useBranchList, useCurrentBranch, useMe } from '../../../shared/session';
import { FormSelect, QueryErrorAlert } from '../../../shared/ui';
import { useBranchCounters } from '../api/useBranchData';

const lastCounterKey = 'touchpoint.lastCounter';

interface Values {
  branch: string;
  counter?: number;
}

function readLastCounter(): { branch?: string; counter?: number } {
  try {
    return JSON.parse(localStorage.getItem(lastCounterKey) ?? '{}') as { branch?: string; counter?: number };
  } catch {
    return {};
  }
}

/** Where staff pick the counter they sit at (remembered on this computer), or the branch whose board to watch. */
export function QueueChooserPage({ target }: { target: 'counter' | 'board' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const branches = useBranchList();
  const [currentBranch] = useCurrentBranch();
  const [form] = Form.useForm<Values>();
  const branch = Form.useWatch('branch', form);
  const counters = useBranchCounters(target === 'counter' ? branch : undefined);
  const last = readLastCounter();

  const spansAll = hasPermission(me, 'branches.all');
  const reachable = (branches.data ?? []).filter((b) => spansAll || me?.branches.includes(b.code));

  // A counter chosen before belongs to the branch chosen before; another branch starts without one.
  useEffect(() => {
    if (target === 'counter' && branch && branch !== last.branch) form.setFieldValue('counter', undefined);
  }, [branch, form, last.branch, target]);

  if (target === 'board' && currentBranch) return <Navigate to={`/board/${currentBranch}`} replace />;

  const open = ({ branch: code, counter }: Values) => {
    if (target === 'board') return void navigate(`/board/${code}`);
    try {
      localStorage.setItem(lastCounterKey, JSON.stringify({ branch: code, counter }));
    } catch {
      // not remembered
    }
    void navigate(`/counter/${code}/${counter}`);
  };
  const required = { required: true, message: t('validation.required') };
  const initialBranch = target === 'counter' && last.branch && reachable.some((b) => b.code === last.branch) ? last.branch : (currentBranch ?? reachable[0]?.code);

  return (
    <>
      <PageHeading title={target === 'counter' ? t('queueChooser.counterTitle') : t('queueChooser.boardTitle')} />
      <QueryErrorAlert error={branches.error} onRetry={() => void branches.refetch()} />
      <Card style={{ maxWidth: 520 }}>
        {branches.data && (
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ branch: initialBranch, counter: initialBranch === last.branch ? last.counter : undefined }}
            onFinish={open}
          >
            <Form.Item name="branch" label={t('queueChooser.branch')} rules={[required]}>
              <FormSelect options={reachable.map((b) => ({ value: b.code, label: `${b.displayName} (${b.code})` }))} />
            </Form.Item>
            {target === 'counter' && (
              <Form.Item name="counter" label={t('queueChooser.counter')} rules={[required]}>
                <FormSelect
                  loading={counters.isLoading}
                  notFoundContent={t('devices.noCounters')}
                  options={(counters.data ?? []).map((c) => ({
                    value: c.number,
                    label: `${c.number} · ${c.displayName}`,
                  }))}
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit">
              {target === 'counter' ? t('queueChooser.openCounter') : t('queueChooser.openBoard')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
