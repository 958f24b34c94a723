// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { createApiClient, setUnauthorizedHandler } from './client';
import { deviceTokenFor, deviceTokenStorageKey, isDeviceRoute } from './deviceToken';

function clientWith(cookies: string, status = 204, deviceToken?: string) {
  const fetch = vi.fn(async (_request: Request) => new Response(null, { status }));
  const client = createApiClient({
    baseUrl: 'http://touchpoint.test',
    fetch: fetch as unknown as typeof globalThis.fetch,
    readCookies: () => cookies,
    deviceToken: () => deviceToken,
  });
  const sentRequest = () => fetch.mock.calls[0][0];
  return { client, sentRequest };
}

afterEach(() => setUnauthorizedHandler(() => {}));

describe('api client', () => {
  it('sends the XSRF cookie value as X-XSRF-TOKEN on state-changing requests', async () => {
    const { client, sentRequest } = clientWith('tp.auth=x; XSRF-TOKEN=CfDJ8%2Babc%3D; other=1');
    await client.PUT('/api/me/preferences', { body: { language: 'ko-KR' } });
    expect(sentRequest().headers.get('X-XSRF-TOKEN')).toBe('CfDJ8+abc=');
  });

  it.each(['POST', 'DELETE'] as const)('adds the token to %s too', async (method) => {
    const { client, sentRequest } = clientWith('XSRF-TOKEN=token');
    if (method === 'POST') await client.POST('/api/auth/logout');
    else await client.DELETE('/api/admin/api-tokens/{id}', { params: { path: { id: '1' } } });
    expect(sentRequest().headers.get('X-XSRF-TOKEN')).toBe('token');
  });

  it('leaves reads without the token', async () => {
    const { client, sentRequest } = clientWith('XSRF-TOKEN=token', 200);
    await client.GET('/api/me');
    expect(sentRequest().headers.has('X-XSRF-TOKEN')).toBe(false);
  });

  it('sends no token header when the cookie is missing', async () => {
    const { client, sentRequest } = clientWith('tp.auth=x');
    await client.POST('/api/auth/logout');
    expect(sentRequest().headers.has('X-XSRF-TOKEN')).toBe(false);
  });

  it('sends cookies and the UI language with every request', async () => {
    await i18n.changeLanguage('zh-TW');
    const { client, sentRequest } = clientWith('', 200);
    await client.GET('/api/me');
    expect(sentRequest().credentials).toBe('include');
    expect(sentRequest().headers.get('Accept-Language')).toBe('zh-TW');
  });

  it('reports a lost session on 401, but not a failed sign-in', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    await clientWith('', 401).client.POST('/api/auth/login', { body: { userName: 'a', password: 'b' } });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await clientWith('', 401).client.GET('/api/me');
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('sends a paired device token as a bearer token when there is one', async () => {
    const withToken = clientWith('', 200, 'tpd_abc');
    await withToken.client.GET('/api/branches/{branch}/board', { params: { path: { branch: 'SH' } } });
    expect(withToken.sentRequest().headers.get('Authorization')).toBe('Bearer tpd_abc');
    const without = clientWith('', 200);
    await without.client.GET('/api/me');
    expect(without.sentRequest().headers.has('Authorization')).toBe(false);
  });
});

describe('device routes', () => {
  it('are the kiosk and display screens only', () => {
    expect(isDeviceRoute('/kiosk/SH')).toBe(true);
    expect(isDeviceRoute('/display/SH')).toBe(true);
    expect(isDeviceRoute('/pad')).toBe(true);
    expect(isDeviceRoute('/padding')).toBe(false);
    expect(isDeviceRoute('/q/SH')).toBe(false);
    expect(isDeviceRoute('/t/0190')).toBe(false);
    expect(isDeviceRoute('/counter/SH/1')).toBe(false);
    expect(isDeviceRoute('/kiosks')).toBe(false);
  });

  it('send the stored token, other pages none', () => {
    localStorage.setItem(deviceTokenStorageKey, 'tpd_xyz');
    expect(deviceTokenFor('/display/SH')).toBe('tpd_xyz');
    expect(deviceTokenFor('/admin/branches')).toBeUndefined();
    localStorage.removeItem(deviceTokenStorageKey);
    expect(deviceTokenFor('/kiosk/SH')).toBeUndefined();
  });
});
