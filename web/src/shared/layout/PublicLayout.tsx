import type { ReactNode } from 'react';
import { Brand } from './Brand';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Frame for pages used without signing in (sign-in, device pairing). */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="tp-public">
      <header className="tp-public__header">
        <Brand />
        <LanguageSwitcher />
      </header>
      <main className="tp-public__main">{children}</main>
    </div>
  );
}
