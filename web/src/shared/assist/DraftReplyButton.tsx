import { RobotOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemReporter } from '../ui';
import { useAssistCapabilities, useDraftReply } from './useAssist';

/** Asks the configured language model for a draft; shown only when one is configured. The writer edits it before sending. */
export function DraftReplyButton({ caseId, onDraft }: { caseId: string; onDraft: (text: string) => void }) {
  const { t } = useTranslation();
  const capabilities = useAssistCapabilities();
  const draft = useDraftReply();
  const report = useProblemReporter();
  if (!capabilities.data?.draftReplies) return null;
  return (
    <Button icon={<RobotOutlined />} loading={draft.isPending} onClick={() => draft.mutate(caseId, { onSuccess: (d) => onDraft(d.draft), onError: (e) => report(e) })}>
      {t('assist.draftReply')}
    </Button>
  );
}
