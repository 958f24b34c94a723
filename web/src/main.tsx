import 'antd/dist/reset.css';
import './app/styles.css';
import './shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/AppProviders';
import { queryClient } from './app/queryClient';
import { isPublicPath, router } from './app/router';
import { setUnauthorizedHandler } from './shared/api';

setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (isPublicPath(pathname)) return;
  // Navigate first, then drop the cache: the previous user's data must not show after the next sign-in.
  void router.navigate('/login', { replace: true, state: { from: pathname + search } }).then(() => queryClient.clear());
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
