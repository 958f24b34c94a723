import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemReporter } from '../../shared/ui';
import { useUploadAttachments, type CaseAttachmentDto } from './api';
import { useFormatSize } from './fileSize';

interface Props {
  caseId: string;
  value?: CaseAttachmentDto[];
  onChange?: (value: CaseAttachmentDto[]) => void;
}

/** A form control: files chosen are uploaded at once (checked by the server), and go out with the message. */
export function AttachmentPicker({ caseId, value = [], onChange }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachments(caseId);
  const report = useProblemReporter();
  const formatSize = useFormatSize();
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="attachment-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) upload.mutate(files, { onSuccess: (added) => onChange?.([...value, ...added]), onError: (err) => report(err) });
        }}
      />
      <Space wrap>
        <Button icon={<PaperClipOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
          {t('workspace.attachments.add')}
        </Button>
        {value.map((a) => (
          <Tag key={a.id} closeIcon={<CloseOutlined aria-label={t('common.delete')} />} onClose={() => onChange?.(value.filter((x) => x.id !== a.id))}>
            {a.fileName} ({formatSize(a.size)})
          </Tag>
        ))}
      </Space>
    </>
  );
}
