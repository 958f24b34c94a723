import { App, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { useAddCaseMessage } from '../cases/api/useCases';
import type { CaseAttachmentDto } from './api';

interface Thread {
  id: string;
  createdAt: string;
  messages: readonly { createdAt: string }[];
}

interface NewerMessage {
  authorName: string;
  body: string;
}

export interface ReplyValues {
  body: string;
  visibility: 'public' | 'internal';
  attachments?: CaseAttachmentDto[];
}

/**
 * Sends a reply or note saying what the sender has seen (the newest message when the page opened or they last sent):
 * when someone else wrote since, the server answers 409 with those messages, shown here before sending anyway.
 */
export function useCollisionSafeReply(caseId: string, thread: Thread | undefined) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const send = useAddCaseMessage(caseId);
  // Fixed when the thread first loads: messages that arrive later, even if shown, count as unseen until the sender sends.
  const seenAt = useRef<string | undefined>(undefined);
  if (thread && seenAt.current === undefined) seenAt.current = thread.messages.at(-1)?.createdAt ?? thread.createdAt;

  const submit = (values: ReplyValues, onDone: () => void, onError: (e: unknown) => void, confirm = false) =>
    send.mutate(
      { body: values.body, visibility: values.visibility, attachmentIds: values.attachments?.map((a) => a.id) ?? [], seenAt: seenAt.current ?? null, confirm },
      {
        onSuccess: (created) => {
          seenAt.current = (created as { createdAt: string }).createdAt;
          onDone();
        },
        onError: (error) => {
          const newer = error instanceof ApiError && error.status === 409 ? (error.problem as { messages?: NewerMessage[] }).messages : undefined;
          if (!newer) return onError(error);
          void modal.confirm({
            title: t('workspace.collision.title'),
            width: 560,
            okText: t('workspace.collision.sendAnyway'),
            cancelText: t('workspace.collision.review'),
            content: (
              <div data-testid="collision-warning">
                <Typography.Paragraph>{error.message}</Typography.Paragraph>
                {newer.map((m, i) => (
                  <Typography.Paragraph key={i} style={{ background: '#f5f5f5', padding: 8, borderRadius: 6, whiteSpace: 'pre-wrap' }}>
                    <Typography.Text strong>{m.authorName}</Typography.Text>: {m.body}
                  </Typography.Paragraph>
                ))}
              </div>
            ),
            onOk: () => submit(values, onDone, onError, true),
          });
        },
      },
    );

  return { submit: (values: ReplyValues, onDone: () => void, onError: (e: unknown) => void) => submit(values, onDone, onError), pending: send.isPending };
}
