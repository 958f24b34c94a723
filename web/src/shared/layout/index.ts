export { AppLayout } from './AppLayout';
export { LanguageSwitcher } from './LanguageSwitcher';
export { PageHeading } from './PageHeading';
export { PublicLayout } from './PublicLayout';
export { usePageTitle } from './usePageTitle';
