import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Was this helpful" answers: yes and no, with their meaning for screen readers. */
export function HelpfulCounts({ yes, no }: { yes: number; no: number }) {
  const { t } = useTranslation();
  return (
    <Space size={8} aria-label={`${t('help.yes')} ${yes}, ${t('help.no')} ${no}`}>
      <span>
        <LikeOutlined aria-hidden /> {yes}
      </span>
      <span>
        <DislikeOutlined aria-hidden /> {no}
      </span>
    </Space>
  );
}
