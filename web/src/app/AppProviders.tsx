import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { antdLocales } from '../shared/i18n/antdLocale';
import { defaultLanguage, isLanguage } from '../shared/i18n/languages';
import { queryClient } from './queryClient';
import { theme } from './theme';

export function AppProviders({ children }: { children: ReactNode }) {
  // Subscribing here re-renders the tree, and so Ant Design's own texts, when the language changes.
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  return (
    <QueryClientProvider client={queryClient}>
      {/* autoInsertSpace off: Ant Design would render 登录 as "登 录", which also changes the button's accessible name. */}
      <ConfigProvider locale={antdLocales[language]} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
