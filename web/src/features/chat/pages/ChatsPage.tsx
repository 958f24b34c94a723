import { Badge, Button, Card, Col, Empty, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageHeading } from '../../../shared/layout';
import { useRealtimeEvent } from '../../../shared/realtime';
import { hasPermission, useCurrentBranch, useMe } from '../../../shared/session';
import { PageLoading, QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { useAcceptChat, useChat, useChatList, type ChatSummary } from '../api/useChats';
import { BotSummaryCard } from '../components/BotSummaryCard';
import { ChatThread } from '../components/ChatThread';
import { handOverText, statusColour } from '../components/chatLabels';

/** The chat console: waiting and active web chats and messaging conversations of the current branch, and the open one. */
export function ChatsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [branch] = useCurrentBranch();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id') ?? undefined;
  const view = params.get('view') === 'ended' ? 'ended' : 'open';
  const list = useChatList(branch, view === 'ended' ? 'ended' : undefined);
  const chat = useChat(selected);
  const accept = useAcceptChat();
  const report = useProblemReporter();
  const client = useQueryClient();
  // Lines and state of the open chat arrive as events; refetch it (the list hook refreshes the lists).
  useRealtimeEvent(
    (e) => e.type.startsWith('chat.') && e.type !== 'chat.typing' && (e.data as { id?: string } | null)?.id === selected,
    () => void client.invalidateQueries({ queryKey: queryKeys.chat(selected ?? '') }),
  );
  const canWrite = hasPermission(me.data, 'cases.write');
  const select = (id: string) => setParams((p) => { p.set('id', id); return p; });
  const rows = list.data ?? [];
  const waiting = rows.filter((c) => c.status === 'waiting');
  const mine = rows.filter((c) => c.status === 'active' && c.assigneeId === me.data?.id);
  const others = rows.filter((c) => !waiting.includes(c) && !mine.includes(c));

  const item = (c: ChatSummary) => (
    <List.Item
      key={c.id}
      data-testid="chat-row"
      onClick={() => select(c.id)}
      style={{ cursor: 'pointer', background: c.id === selected ? '#e6f4ff' : undefined, paddingInline: 8 }}
      actions={
        canWrite && c.status === 'waiting'
          ? [
              <Button
                key="accept"
                type="primary"
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  accept.mutate(c.id, { onSuccess: () => select(c.id), onError: (err) => report(err) });
                }}
              >
                {t('chat.accept')}
              </Button>,
            ]
          : undefined
      }
    >
      <List.Item.Meta
        title={
          <Space size={4} wrap>
            <span>{c.visitorName ?? t('chat.visitor')}</span>
            <Tag color={statusColour[c.status]}>{t(`chat.statuses.${c.status as 'waiting'}`)}</Tag>
            <Tag>{c.app ?? t('chat.channels.webChat')}</Tag>
            {!branch && <Tag>{c.branch}</Tag>}
          </Space>
        }
        description={
          <>
            <Typography.Text ellipsis style={{ maxWidth: 260, display: 'block' }}>{handOverText(t, c.lastSender, c.lastMessage) ?? c.lastMessage ?? '—'}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(c.createdAt, i18n.language)}
              {c.assigneeName ? ` · ${c.assigneeName}` : ''}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
  const section = (title: string, items: ChatSummary[]) => (
    <Card size="small" title={<Space>{title}<Badge count={items.length} showZero color="#0958d9" /></Space>} style={{ marginBottom: 12 }}>
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chat.none')} /> : <List size="small" dataSource={items} renderItem={item} />}
    </Card>
  );

  return (
    <>
      <PageHeading
        title={t('chat.title')}
        extra={
          <Segmented
            value={view}
            options={[{ value: 'open', label: t('chat.open') }, { value: 'ended', label: t('chat.history') }]}
            onChange={(v) => setParams((p) => { p.set('view', String(v)); return p; })}
          />
        }
      />
      <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          {hasPermission(me.data, 'feedback.read') && <BotSummaryCard branch={branch} />}
          {view === 'ended' ? section(t('chat.history'), rows) : (
            <>
              {section(t('chat.waiting'), waiting)}
              {section(t('chat.mine'), mine)}
              {others.length > 0 && section(t('chat.colleagues'), others)}
            </>
          )}
        </Col>
        <Col xs={24} lg={15}>
          {!selected ? (
            <Card><Empty description={t('chat.pick')} /></Card>
          ) : chat.isPending ? (
            <PageLoading />
          ) : chat.error ? (
            <QueryErrorAlert error={chat.error} onRetry={() => void chat.refetch()} />
          ) : (
            <ChatThread chat={chat.data} mine={chat.data.summary.assigneeId === me.data?.id} canWrite={canWrite} />
          )}
        </Col>
      </Row>
    </>
  );
}
