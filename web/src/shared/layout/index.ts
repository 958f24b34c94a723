export { AppLayout } from './AppLayout';
export { PageHeading } from './PageHeading';
export { PublicLayout } from './PublicLayout';
export { usePageTitle } from './usePageTitle';
