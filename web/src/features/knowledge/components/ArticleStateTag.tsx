import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = { draft: 'default', internal: 'gold', published: 'green' };

export function ArticleStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return <Tag color={colors[state] ?? 'default'}>{t(`knowledge.states.${state}`, { defaultValue: state })}</Tag>;
}
