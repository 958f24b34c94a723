import { Badge } from 'antd';

type Tone = 'success' | 'processing' | 'warning' | 'error' | 'default';

/**
 * A coloured dot with the label in normal text colour. Ant Design's coloured Tags put light text on light
 * backgrounds below WCAG contrast, so states are shown this way instead.
 */
export function StatusDot({ tone, label }: { tone: Tone; label: string }) {
  return <Badge status={tone} text={label} />;
}
