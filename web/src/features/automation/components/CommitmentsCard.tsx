import { Button, Card, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { useProblemReporter } from '../../../shared/ui';
import { useAddCommitment, useCaseCommitments, useKeepCommitment } from '../api/useAutomation';
import { CommitmentStatusTag } from './CommitmentStatusTag';

interface Values {
  promise: string;
  dueAt: string;
}

/**
 * The promises made to the customer on this case: each with its due time at the branch (as the customer was told it),
 * who keeps it and whether it was kept; new ones are recorded here and kept ones marked so.
 */
export function CommitmentsCard({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const commitments = useCaseCommitments(caseId);
  const add = useAddCommitment(caseId);
  const keep = useKeepCommitment();
  const report = useProblemReporter();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);

  return (
    <Card
      title={t('automation.commitments.title')}
      data-testid="commitments-card"
      extra={canWrite && !adding && <Button size="small" onClick={() => setAdding(true)}>{t('automation.commitments.add')}</Button>}
    >
      {commitments.data?.length ? (
        <List
          size="small"
          dataSource={commitments.data}
          renderItem={(c) => (
            <List.Item data-testid="commitment">
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text>{c.promise}</Typography.Text>
                <Space size={4} wrap>
                  <CommitmentStatusTag status={c.status} />
                  <Typography.Text type="secondary">{t('automation.commitments.due', { time: c.dueLocal, branch: c.branchCode })}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">
                  {c.responsibleName}
                  {c.keptAt && ` · ${t('automation.commitments.keptAt', { time: formatDateTime(c.keptAt, i18n.language) })}`}
                </Typography.Text>
                {canWrite && c.status !== 'kept' && (
                  <Button size="small" loading={keep.isPending} onClick={() => keep.mutate(c.id, { onError: (e) => report(e) })}>
                    {t('automation.commitments.markKept')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        !adding && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('automation.commitments.none')} />
      )}
      {adding && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            add.mutate({ ...v, responsibleId: null, encounterId: null }, {
              onSuccess: () => {
                form.resetFields();
                setAdding(false);
              },
              onError: (e) => report(e, form),
            })
          }
        >
          <Form.Item name="promise" label={t('automation.commitments.promise')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('automation.commitments.promiseHint')} />
          </Form.Item>
          <Form.Item name="dueAt" label={t('automation.commitments.dueAt')} extra={t('automation.commitments.dueAtHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={add.isPending}>{t('common.save')}</Button>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
