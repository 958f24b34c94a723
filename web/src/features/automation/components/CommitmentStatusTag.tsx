import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Dark shades with white text: antd's preset tag colours fall short of a 4.5:1 contrast.
const colours = { open: '#0958d9', kept: '#237804', missed: '#a8071a' } as const;

/** Open, kept or missed, in the reader's language. */
export function CommitmentStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const s = status as keyof typeof colours;
  return <Tag color={colours[s]}>{t(`automation.commitments.status.${s}`)}</Tag>;
}
