import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReplyCheck } from './useAssist';

/**
 * Warnings on a reply being written (negative or blaming wording, missing empathy or confirmation) with the form the
 * seeds teach. They never block sending: the writer decides.
 */
export function ReplyCheckWarnings({ text, caseId }: { text: string; caseId?: string }) {
  const { t } = useTranslation();
  const check = useReplyCheck(text, caseId);
  const findings = text.trim() ? (check.data?.findings ?? []) : [];
  if (findings.length === 0) return null;
  return (
    <Alert
      data-testid="reply-check"
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('assist.replyCheckTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {findings.map((f) => (
            <li key={`${f.kind}-${f.start}`} data-kind={f.kind}>
              {f.match && <Typography.Text mark>{f.match}</Typography.Text>} {f.message}
              <br />
              <Typography.Text type="secondary">{f.suggestion}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
