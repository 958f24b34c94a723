import { PaperClipOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { attachmentUrl, useCaseAttachments } from './api';

/** The files a message of the thread carries, as download links (the server always sends them as downloads). */
export function MessageAttachments({ caseId, messageId }: { caseId: string; messageId: string }) {
  const attachments = useCaseAttachments(caseId);
  const mine = attachments.data?.filter((a) => a.messageId === messageId) ?? [];
  if (mine.length === 0) return null;
  return (
    <Space wrap size={[12, 4]} style={{ marginTop: 4 }} data-testid="message-attachments">
      {mine.map((a) => (
        <a key={a.id} href={attachmentUrl(caseId, a.id)} download={a.fileName}>
          <PaperClipOutlined /> {a.fileName} <span style={{ color: '#595959' }}>({formatSize(a.size)})</span>
        </a>
      ))}
    </Space>
  );
}

export function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
