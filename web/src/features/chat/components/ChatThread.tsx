import { Alert, Button, Card, Descriptions, Empty, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { KnowledgeSuggestions } from '../../../shared/knowledge';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { useRealtimeEvent } from '../../../shared/realtime';
import { useBranchList } from '../../../shared/session';
import { useProblemReporter } from '../../../shared/ui';
import { useChatCase, useEndChat, useReplyToChat, useStaffTyping, useTransferChat, type ChatDetail } from '../api/useChats';
import { handOverText, statusColour } from './chatLabels';
import { useChatMacroContext } from './useChatMacroContext';

/** One conversation: the transcript, the reply box for the staff member who accepted it, transfer, end and case. */
export function ChatThread({ chat, mine, canWrite }: { chat: ChatDetail; mine: boolean; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const id = chat.summary.id;
  const reply = useReplyToChat(id);
  const end = useEndChat();
  const transfer = useTransferChat(id);
  const makeCase = useChatCase(id);
  const typing = useStaffTyping(id);
  const branches = useBranchList();
  const report = useProblemReporter();
  const [form] = Form.useForm<{ body: string }>();
  const macroContext = useChatMacroContext(chat);
  const [visitorTypingAt, setVisitorTypingAt] = useState(0);
  useRealtimeEvent(
    (e) => e.type === 'chat.typing' && (e.data as { id?: string; sender?: string } | null)?.id === id
      && (e.data as { sender?: string }).sender === 'visitor',
    () => {
      setVisitorTypingAt(Date.now());
      setTimeout(() => setVisitorTypingAt((at) => (Date.now() - at >= 5000 ? 0 : at)), 5200);
    },
  );
  const open = chat.summary.status === 'waiting' || chat.summary.status === 'active';
  const who = (sender: string, name?: string | null) =>
    sender === 'visitor' ? (chat.visitorName ?? t('chat.visitor')) : sender === 'bot' ? t('chat.bot') : sender === 'system' ? t('chat.system') : (name ?? t('chat.staff'));

  return (
    <Card
      title={
        <Space wrap>
          <span>{chat.visitorName ?? t('chat.visitor')}</span>
          <Tag color={statusColour[chat.summary.status]}>{t(`chat.statuses.${chat.summary.status as 'waiting'}`)}</Tag>
          <Tag>{chat.summary.app ? chat.summary.app : t('chat.channels.webChat')}</Tag>
        </Space>
      }
      extra={
        canWrite && (
          <Space wrap>
            {open && mine && (
              <Select<string>
                style={{ width: 180 }}
                placeholder={t('chat.transferTo')}
                aria-label={t('chat.transferTo')}
                value={null as unknown as string}
                options={(branches.data ?? []).map((b) => ({ value: b.code, label: b.code }))}
                onChange={(code) => transfer.mutate(code, { onError: (e) => report(e) })}
              />
            )}
            {open && (
              <Button danger onClick={() => end.mutate(id, { onError: (e) => report(e) })} loading={end.isPending}>
                {t('chat.end')}
              </Button>
            )}
            {!chat.caseId && (
              <Button onClick={() => makeCase.mutate(null, { onError: (e) => report(e) })} loading={makeCase.isPending}>
                {t('chat.makeCase')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('chat.language')}>{chat.summary.language}</Descriptions.Item>
        <Descriptions.Item label={t('chat.branch')}>{chat.summary.branch}</Descriptions.Item>
        {chat.visitorEmail && <Descriptions.Item label={t('chat.email')}>{chat.visitorEmail}</Descriptions.Item>}
        {chat.pageUrl && <Descriptions.Item label={t('chat.page')}>{chat.pageUrl}</Descriptions.Item>}
        {chat.customerId && (
          <Descriptions.Item label={t('chat.customer')}>
            <Link to={`/customers/${chat.customerId}`}>{t('chat.openProfile')}</Link>
          </Descriptions.Item>
        )}
        {chat.caseId && (
          <Descriptions.Item label={t('chat.case')}>
            <Link to={`/cases/${chat.caseId}`}>{chat.caseReference}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex vertical gap={8} style={{ maxHeight: 420, overflowY: 'auto', background: '#f5f7fa', padding: 12, borderRadius: 8 }} role="log">
        {chat.messages.length === 0 && <Empty description={t('chat.noMessages')} />}
        {chat.messages.map((m) => (
          <div
            key={m.id}
            data-testid="chat-message"
            style={{
              alignSelf: m.sender === 'visitor' ? 'flex-start' : m.sender === 'system' ? 'center' : 'flex-end',
              maxWidth: '80%',
              background: m.sender === 'visitor' ? '#fff' : m.sender === 'system' ? 'transparent' : '#e6f4ff',
              border: m.sender === 'system' ? undefined : '1px solid #d9d9d9',
              borderRadius: 10,
              padding: '6px 10px',
            }}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {who(m.sender, m.authorName)} · {formatDateTime(m.createdAt, i18n.language)}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{handOverText(t, m.sender, m.body) ?? m.body}</div>
          </div>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ minHeight: 22, display: 'block' }} aria-live="polite">
        {visitorTypingAt > 0 ? t('chat.visitorTyping') : ''}
      </Typography.Text>
      {chat.summary.status === 'ended' && (
        <Alert type="info" showIcon message={t('chat.endedAt', { when: formatDateTime(chat.endedAt, i18n.language) })} />
      )}
      {canWrite && mine && chat.summary.status === 'active' && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => reply.mutate(v.body, { onSuccess: () => form.resetFields(), onError: (e) => report(e, form) })}
        >
          <KnowledgeSuggestions chatId={id} placeholders={macroContext} onInsert={(text) => form.setFieldValue('body', [form.getFieldValue('body') as string | undefined, text].filter(Boolean).join('\n\n'))} />
          <Form.Item name="body" label={t('chat.message')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.TextArea
              rows={3}
              onChange={typing}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  form.submit();
                }
              }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={reply.isPending}>
            {t('chat.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
