import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Radio, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AnalysisBadge, DraftReplyButton, ReplyCheckWarnings, useCaseAnalyses } from '../../../shared/assist';
import { KnowledgeSuggestions } from '../../../shared/knowledge';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { PageLoading, QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { useState } from 'react';
import { useAssignCase, useCase, useChangeCaseStatus } from '../api/useCases';
import { CaseEditModal } from '../components/CaseEditModal';
import { CaseTeamSelect } from '../components/CaseTeamSelect';
import { caseStatuses, priorityColour, statusColour, type casePriorities } from '../components/caseLabels';
import { AttachmentPicker } from '../../caseWorkspace/AttachmentPicker';
import { CasePresenceBar } from '../../caseWorkspace/CasePresenceBar';
import { MessageAttachments } from '../../caseWorkspace/MessageAttachments';
import { useCollisionSafeReply, type ReplyValues } from '../../caseWorkspace/useCollisionSafeReply';
import { MacroPicker } from '../components/MacroPicker';
import { SlaDueTag } from '../components/SlaDueTag';
import { useCaseMacroContext } from '../components/useCaseMacroContext';
import { CommitmentsCard } from '../../automation/components/CommitmentsCard';

type Status = (typeof caseStatuses)[number];

/** One case: its SLA, status and assignment, and the thread with the reply and internal note box. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const detail = useCase(id);
  const reply = useCollisionSafeReply(id, detail.data);
  const changeStatus = useChangeCaseStatus(id);
  const assign = useAssignCase(id);
  const report = useProblemReporter();
  const [form] = Form.useForm<ReplyValues>();
  const visibility = Form.useWatch('visibility', form);
  const draft = Form.useWatch('body', form) ?? '';
  const analyses = useCaseAnalyses(id);
  const macroContext = useCaseMacroContext(detail.data);
  const [editing, setEditing] = useState(false);

  if (detail.isPending) return <PageLoading />;
  if (detail.error) return <QueryErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;
  const canWrite = hasPermission(me.data, 'cases.write');
  const when = (value: string | null | undefined) => (value ? formatDateTime(value, i18n.language) : '—');
  const badge = (ownerId: string) => {
    const analysis = analyses.data?.find((a) => a.ownerId === ownerId);
    return analysis && <AnalysisBadge analysis={analysis} canCorrect={canWrite} />;
  };

  return (
    <>
      <PageHeading
        title={`${c.reference} · ${c.subject}`}
        extra={
          <Space wrap>
            <Tag color={statusColour[c.status]}>{t(`cases.statuses.${c.status as Status}`)}</Tag>
            <Tag color={priorityColour[c.priority]}>{t(`cases.priorities.${c.priority as (typeof casePriorities)[number]}`)}</Tag>
            <SlaDueTag dueAt={c.sla.dueAt} target={c.sla.target} breached={c.sla.breached} />
            {canWrite && c.status !== 'closed' && <Button onClick={() => setEditing(true)}>{t('cases.editDetails')}</Button>}
          </Space>
        }
      />
      <CaseEditModal value={c} open={editing} onClose={() => setEditing(false)} />
      <CasePresenceBar caseId={c.id} typing={draft.trim().length > 0} />
      <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={16}>
          <Card title={t('cases.thread')}>
            {c.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>}
            {badge(c.id) && <div style={{ marginBottom: 12 }}>{badge(c.id)}</div>}
            {c.messages.length === 0 ? (
              <Empty description={t('cases.noMessages')} />
            ) : (
              <Timeline
                items={c.messages.map((m) => ({
                  color: m.visibility === 'internal' ? 'gray' : m.direction === 'inbound' ? 'blue' : 'green',
                  children: (
                    <div
                      data-testid="case-message"
                      style={m.visibility === 'internal' ? { background: '#fffbe6', padding: 8, borderRadius: 6 } : undefined}
                    >
                      <Typography.Text strong>{m.authorName}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {when(m.createdAt)} · {t(`cases.direction.${m.direction as 'inbound' | 'outbound' | 'note'}`)}
                      </Typography.Text>{' '}
                      {badge(m.id)}
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.body}</Typography.Paragraph>
                      <MessageAttachments caseId={c.id} messageId={m.id} />
                    </div>
                  ),
                }))}
              />
            )}
            {canWrite && c.status !== 'closed' && (
              <Form
                form={form}
                layout="vertical"
                initialValues={{ visibility: 'public' }}
                onFinish={(v) => reply.submit(v, () => form.resetFields(), (e) => report(e, form))}
              >
                <Form.Item name="visibility">
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'public', label: t('cases.reply') },
                      { value: 'internal', label: t('cases.internalNote') },
                    ]}
                  />
                </Form.Item>
                {visibility === 'public' && c.channel === 'email' && c.customer.email && (
                  <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('cases.replyByEmail', { email: c.customer.email })} />
                )}
                <Form.Item>
                  <MacroPicker
                    caseDetail={c}
                    onInsert={(text) => form.setFieldValue('body', [form.getFieldValue('body') as string | undefined, text].filter(Boolean).join('\n\n'))}
                  />
                </Form.Item>
                <KnowledgeSuggestions caseId={c.id} placeholders={macroContext} onInsert={(text) => form.setFieldValue('body', [form.getFieldValue('body') as string | undefined, text].filter(Boolean).join('\n\n'))} />
                <Form.Item name="body" label={t('cases.message')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Input.TextArea rows={4} />
                </Form.Item>
                <Form.Item name="attachments">
                  <AttachmentPicker caseId={c.id} />
                </Form.Item>
                {visibility === 'public' && <ReplyCheckWarnings text={draft} caseId={c.id} />}
                <Space>
                  <Button type="primary" htmlType="submit" loading={reply.pending}>
                    {visibility === 'internal' ? t('cases.addNote') : t('cases.sendReply')}
                  </Button>
                  {visibility === 'public' && <DraftReplyButton caseId={c.id} onDraft={(text) => form.setFieldValue('body', text)} />}
                </Space>
              </Form>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card title={t('cases.details')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('cases.customer')}>{c.customer.name}</Descriptions.Item>
                {c.customer.email && <Descriptions.Item label={t('cases.customerEmail')}>{c.customer.email}</Descriptions.Item>}
                {c.customer.phone && <Descriptions.Item label={t('cases.customerPhone')}>{c.customer.phone}</Descriptions.Item>}
                <Descriptions.Item label={t('cases.channel')}>{t(`cases.channels.${c.channel as 'phone'}`)}</Descriptions.Item>
                <Descriptions.Item label={t('cases.category')}>{c.category ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('cases.tags')}>
                  {c.tags.length === 0 ? '—' : c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.branch')}>{c.branchCode}</Descriptions.Item>
                <Descriptions.Item label={t('cases.assignee')}>{c.assigneeName ?? t('cases.unassigned')}</Descriptions.Item>
                <Descriptions.Item label={t('cases.team')}>
                  <span data-testid="case-team">{c.team ?? t('cases.noTeam')}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.created')}>{when(c.createdAt)}</Descriptions.Item>
              </Descriptions>
              {canWrite && (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Select<Status>
                    style={{ width: '100%' }}
                    placeholder={t('cases.changeStatus')}
                    aria-label={t('cases.changeStatus')}
                    value={null as unknown as Status}
                    disabled={c.nextStatuses.length === 0}
                    options={c.nextStatuses.map((s) => ({ value: s as Status, label: t(`cases.statuses.${s as Status}`) }))}
                    onChange={(s) => changeStatus.mutate(s, { onError: (e) => report(e) })}
                  />
                  <CaseTeamSelect caseDetail={c} />
                  {me.data && c.assigneeId !== me.data.id && (
                    <Button block onClick={() => assign.mutate({ assigneeId: me.data.id, teamId: c.teamId ?? null }, { onError: (e) => report(e) })}>
                      {t('cases.assignToMe')}
                    </Button>
                  )}
                </Space>
              )}
            </Card>
            <CommitmentsCard caseId={c.id} canWrite={canWrite && c.status !== 'closed'} />
            <Card title={t('cases.sla.title')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('cases.sla.target.firstResponse')}>
                  {c.sla.firstRespondedAt ? `✓ ${when(c.sla.firstRespondedAt)}` : when(c.sla.firstResponseDueAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.sla.target.nextResponse')}>{when(c.sla.nextResponseDueAt)}</Descriptions.Item>
                <Descriptions.Item label={t('cases.sla.target.resolution')}>
                  {c.sla.solvedAt ? `✓ ${when(c.sla.solvedAt)}` : when(c.sla.resolutionDueAt)}
                </Descriptions.Item>
                {c.sla.pausedAt && <Descriptions.Item label={t('cases.sla.paused')}>{when(c.sla.pausedAt)}</Descriptions.Item>}
              </Descriptions>
            </Card>
            {c.links.length > 0 && (
              <Card title={t('cases.links')}>
                {c.links.map((l) => (
                  <div key={l.id}>
                    <a href={`/cases/${l.id}`}>{l.reference}</a> {l.subject} <Tag>{t(`cases.linkKinds.${l.kind as 'merged' | 'related'}`)}</Tag>
                  </div>
                ))}
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </>
  );
}
