import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArticleOwners, type ArticleOwner } from '../api/useKnowledge';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  /** The article's branch code: owners must be able to write for it (undefined: an article for every branch). */
  branch?: string;
  /** Names already known (the article's owner, the writer), so the chosen one shows by name before any search. */
  known: ArticleOwner[];
}

/** Waits for typing to pause before the value changes, so each keystroke does not become a request. */
function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Picks an article's owner by name among the staff who may own it, searched on the server (a network has many writers). */
export function OwnerSelect({ id, value, onChange, disabled, branch, known }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim());
  const owners = useArticleOwners(branch, q);
  // The one picked from a search, so they keep their name once the search is cleared and no longer lists them.
  const [picked, setPicked] = useState<ArticleOwner>();

  const listed = owners.data ?? [];
  const options = listed.map((o) => ({ value: o.id, label: o.displayName }));
  if (value && !q && !listed.some((o) => o.id === value)) {
    const name = [...known, ...(picked ? [picked] : [])].find((o) => o.id === value)?.displayName;
    options.unshift({ value, label: name ?? t('knowledge.unknownOwner') });
  }

  return (
    <Select
      id={id}
      value={value}
      onChange={(chosen: string) => {
        const owner = listed.find((o) => o.id === chosen);
        if (owner) setPicked(owner);
        setTyped('');
        onChange?.(chosen);
      }}
      disabled={disabled}
      showSearch
      filterOption={false}
      searchValue={typed}
      onSearch={setTyped}
      onBlur={() => setTyped('')}
      loading={owners.isFetching}
      placeholder={t('knowledge.ownerPlaceholder')}
      notFoundContent={owners.isFetching ? null : t('knowledge.noOwnerMatch')}
      options={options}
      data-testid="article-owner"
    />
  );
}
