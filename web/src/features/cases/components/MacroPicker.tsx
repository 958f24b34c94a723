import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { macroText } from '../../../shared/knowledge';
import type { CaseDetail } from '../api/useCases';
import { useMacros } from '../api/useMacros';
import { useCaseMacroContext } from './useCaseMacroContext';

/** "Insert a reply template": the chosen macro, in the case's language and filled in, is added to the reply. */
export function MacroPicker({ caseDetail, onInsert }: { caseDetail: CaseDetail; onInsert: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const context = useCaseMacroContext(caseDetail);
  const macros = useMacros();
  const categories = [...new Set((macros.data ?? []).map((m) => m.category ?? ''))];

  return (
    <Select
      aria-label={t('macros.insert')}
      placeholder={t('macros.insert')}
      value={null}
      showSearch
      optionFilterProp="label"
      loading={macros.isLoading}
      style={{ minWidth: 260 }}
      data-testid="macro-picker"
      options={categories.map((category) => ({
        label: category ? t(`macros.category.${category}`, { defaultValue: category }) : t('macros.other'),
        options: (macros.data ?? []).filter((m) => (m.category ?? '') === category).map((m) => ({ value: m.id, label: m.displayTitle })),
      }))}
      onChange={(id: string) => {
        const macro = macros.data?.find((m) => m.id === id);
        if (!macro || !context) return;
        onInsert(macroText(macro, [caseDetail.language, i18n.language], context));
      }}
    />
  );
}
