import { PaperClipOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { attachmentUrl, useCaseAttachments } from './api';
import { useFormatSize } from './fileSize';

/** The files a message of the thread carries, as download links (the server always sends them as downloads). */
export function MessageAttachments({ caseId, messageId }: { caseId: string; messageId: string }) {
  const attachments = useCaseAttachments(caseId);
  const formatSize = useFormatSize();
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
