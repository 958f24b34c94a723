import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n/format';
import { Markdown } from '../../../shared/knowledge';
import { usePageTitle } from '../../../shared/layout';
import { isLanguage } from '../../../shared/i18n/languages';
import { useChangeLanguage } from '../../../shared/session/useChangeLanguage';
import { useHelpArticle, useHelpCentre, useHelpfulVote } from '../api/useKnowledge';
import { HelpFrame } from '../components/HelpFrame';
import { languageName } from '../components/languageName';

/** One published article on a customer's phone: the text, its other languages, and "was this helpful". */
export function HelpArticlePage() {
  const { branch, id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const article = useHelpArticle(id, branch, i18n.language);
  const home = useHelpCentre(branch, i18n.language);
  const vote = useHelpfulVote(article.data?.id ?? id);
  const changeLanguage = useChangeLanguage();
  const shownId = article.data?.id;
  const resetVote = vote.reset;
  // Another article (or the same one in another language) asks afresh.
  useEffect(() => resetVote(), [shownId, resetVote]);
  const a = article.data;
  usePageTitle(a?.title ?? t('help.title'));
  const notFound = article.error instanceof ApiError && article.error.status === 404;

  return (
    <HelpFrame branch={branch} branchName={home.data?.branch?.name}>
      <Link to={branch ? `/help/${branch}` : '/help'}>← {t('help.back')}</Link>
      {article.isLoading && <p role="status">{t('common.loading')}</p>}
      {notFound && (
        <section className="tp-help__card" role="alert">
          <h1>{t('help.notFoundTitle')}</h1>
          <p>{t('help.notFound')}</p>
        </section>
      )}
      {a && (
        <>
          <article className="tp-help__card tp-help__article" lang={a.language} data-testid="help-article">
            <h1>{a.title}</h1>
            <p className="tp-help__meta">
              {[a.category, t('help.updated', { when: formatDateTime(a.updatedAt, i18n.language) })].filter(Boolean).join(' · ')}
            </p>
            {a.language !== i18n.language && <p className="tp-help__meta">{t('help.notTranslated', { language: languageName(a.language) })}</p>}
            <Markdown source={a.body} />
          </article>
          <section className="tp-help__card" aria-labelledby="help-vote">
            <h2 id="help-vote">{t('help.helpfulQuestion')}</h2>
            {vote.isSuccess ? (
              <p role="status" data-testid="help-thanks">
                {t('help.helpfulThanks')}
              </p>
            ) : (
              <div className="tp-help__vote">
                <Button icon={<LikeOutlined />} size="large" onClick={() => vote.mutate(true)} loading={vote.isPending} data-testid="help-yes">
                  {t('help.yes')}
                </Button>
                <Button icon={<DislikeOutlined />} size="large" onClick={() => vote.mutate(false)} loading={vote.isPending} data-testid="help-no">
                  {t('help.no')}
                </Button>
              </div>
            )}
            {vote.isError && <p role="alert">{t('errors.network')}</p>}
          </section>
          {a.translations.length > 1 && (
            <section className="tp-help__card">
              <h2>{t('help.otherLanguages')}</h2>
              <div className="tp-help__languages">
                {a.translations
                  .filter((l) => l.id !== a.id)
                  .map((l) => (
                    // Reading another translation is switching language: the page asks for the article in it.
                    <Button key={l.id} type="link" lang={l.language} style={{ paddingInline: 0, height: "auto", whiteSpace: "normal", textAlign: "start" }} onClick={() => isLanguage(l.language) && void changeLanguage(l.language)}>
                      {languageName(l.language)}: {l.title}
                    </Button>
                  ))}
              </div>
            </section>
          )}
        </>
      )}
    </HelpFrame>
  );
}
