import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage } from '../i18n';
import { currentDeviceToken } from './deviceToken';
import type { paths } from './schema';

export const xsrfCookieName = 'XSRF-TOKEN';
export const xsrfHeaderName = 'X-XSRF-TOKEN';

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

interface RequestContext {
  readCookies: () => string;
  /** The paired device's token on kiosk and display pages; undefined everywhere else. */
  deviceToken: () => string | undefined;
  language: () => string;
  onUnauthorized: () => void;
}

/**
 * Adds what every API call needs: the UI language, so that the server resolves displayName and problem texts in it,
 * and, on state-changing requests, the antiforgery token the server left in a script-readable cookie
 * (double-submit: a cross-site page can send our auth cookie but cannot read this one).
 */
function standardRequestMiddleware(context: RequestContext): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', context.language());
      const deviceToken = context.deviceToken();
      if (deviceToken && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${deviceToken}`);
      if (stateChangingMethods.has(request.method.toUpperCase())) {
        const token = readCookie(context.readCookies(), xsrfCookieName);
        if (token) request.headers.set(xsrfHeaderName, token);
      }
      return request;
    },
    onResponse({ request, response }) {
      // A failed sign-in is reported on the login form itself; any other 401 means the session is gone.
      if (response.status === 401 && !new URL(request.url).pathname.endsWith('/api/auth/login')) {
        context.onUnauthorized();
      }
      return response;
    },
  };
}

let unauthorizedHandler: () => void = () => {};

/** The app registers where to go when the session has expired (the sign-in page). */
export function setUnauthorizedHandler(handler: () => void) {
  unauthorizedHandler = handler;
}

export function createApiClient(
  options: { baseUrl?: string; fetch?: typeof fetch; readCookies?: () => string; deviceToken?: () => string | undefined } = {},
) {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch, credentials: 'include' });
  client.use(
    standardRequestMiddleware({
      readCookies: options.readCookies ?? (() => document.cookie),
      language: currentLanguage,
      deviceToken: options.deviceToken ?? currentDeviceToken,
      onUnauthorized: () => unauthorizedHandler(),
    }),
  );
  return client;
}

export const api = createApiClient();
