import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../../../shared/layout';
import './help.css';

/** The help centre's frame: the branch's name (or the organisation's help centre) and the language switch. */
export function HelpFrame({ branch, branchName, hero, children }: { branch?: string; branchName?: string; hero?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="tp-help">
      <header className="tp-help__header">
        <Link to={branch ? `/help/${branch}` : '/help'} data-testid="help-home">
          {branchName ? `${branchName} · ${t('help.title')}` : t('help.title')}
        </Link>
        <LanguageSwitcher />
      </header>
      {hero}
      <main className="tp-help__main">{children}</main>
    </div>
  );
}
