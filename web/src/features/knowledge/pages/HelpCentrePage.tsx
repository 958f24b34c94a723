import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { helpArticlePath } from '../../../shared/knowledge';
import { usePageTitle } from '../../../shared/layout';
import { languageName } from '../components/languageName';
import { useHelpCentre, useHelpSearch } from '../api/useKnowledge';
import { HelpFrame } from '../components/HelpFrame';
import { SnippetText } from '../components/SnippetText';

/**
 * The public help centre (/help, /help/<branch>): a search box and the published articles by category, in the
 * visitor's language (an article not yet translated shows in English or the language it has, marked as such).
 */
export function HelpCentrePage() {
  const { branch } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const home = useHelpCentre(branch, i18n.language);
  const search = useHelpSearch(q, branch, i18n.language);
  usePageTitle(t('help.title'));
  const branchName = home.data?.branch?.name;
  const notFound = home.error instanceof ApiError && home.error.status === 404;

  return (
    <HelpFrame
      branch={branch}
      branchName={branchName}
      hero={
        <section className="tp-help__hero">
          <h1>{t('help.heading')}</h1>
          <div className="tp-help__search">
            <Input.Search
              size="large"
              defaultValue={q}
              key={q}
              allowClear
              enterButton
              placeholder={t('help.searchPlaceholder')}
              aria-label={t('help.searchPlaceholder')}
              data-testid="help-search"
              onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
            />
          </div>
        </section>
      }
    >
      {notFound && <section className="tp-help__card" role="alert">{t('help.branchNotFound')}</section>}
      {q ? (
        <section className="tp-help__card" data-testid="help-results" aria-live="polite">
          <h2>{t('help.resultsFor', { q })}</h2>
          {search.isLoading && <p role="status">{t('common.loading')}</p>}
          {search.data && search.data.items.length === 0 && <p>{t('help.noResults')}</p>}
          {search.data?.relaxed && search.data.items.length > 0 && <p className="tp-help__meta">{t('help.relaxed')}</p>}
          <ul className="tp-help__links">
            {search.data?.items.map((hit) => (
              <li key={hit.id}>
                <Link to={helpArticlePath(hit.id, branch)}>
                  <strong>
                    <SnippetText parts={hit.title} />
                    {hit.language !== i18n.language && <span className="tp-help__other-language">({languageName(hit.language)})</span>}
                  </strong>
                  <small>
                    <SnippetText parts={hit.snippet} />
                  </small>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        home.data?.categories.map((c) => (
          <section className="tp-help__card" key={c.name} data-testid="help-category">
            <h2>{c.name || t('help.otherTopics')}</h2>
            <ul className="tp-help__links">
              {c.articles.map((a) => (
                <li key={a.id}>
                  <Link to={helpArticlePath(a.id, branch)}>
                    <strong>
                      {a.title}
                      {a.language !== i18n.language && <span className="tp-help__other-language">({languageName(a.language)})</span>}
                    </strong>
                    {a.summary && <small>{a.summary}</small>}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {home.isLoading && <p role="status">{t('common.loading')}</p>}
    </HelpFrame>
  );
}
