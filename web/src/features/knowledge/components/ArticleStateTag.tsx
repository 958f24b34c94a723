import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Solid, dark colours: antd's light presets fall short of WCAG contrast on their pale backgrounds.
const colors: Record<string, string | undefined> = { draft: undefined, internal: '#0958d9', published: '#237804' };

export function ArticleStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return <Tag color={colors[state]}>{t(`knowledge.states.${state}`, { defaultValue: state })}</Tag>;
}
