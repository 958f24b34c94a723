/** Where kiosk, display and pad screens keep the token they received when they were paired (see /pair). */
export const deviceTokenStorageKey = 'touchpoint.deviceToken';

/**
 * Screens a paired device runs. Only these send the device token: a staff member who signs in on a browser that was
 * once paired must act as themselves everywhere else, and a customer's phone (/q, /t) never holds one.
 */
const deviceRoutePrefixes = ['/kiosk/', '/display/'];
const deviceRoutePaths = ['/pad', '/pad/'];

export function isDeviceRoute(pathname: string): boolean {
  return deviceRoutePaths.includes(pathname) || deviceRoutePrefixes.some((prefix) => pathname.startsWith(prefix));
}

export function readDeviceToken(): string | undefined {
  try {
    return localStorage.getItem(deviceTokenStorageKey) ?? undefined;
  } catch {
    return undefined; // storage disabled by policy: the page works as an anonymous one
  }
}

/** The token to send from the page at pathname, if any. */
export function deviceTokenFor(pathname: string): string | undefined {
  return isDeviceRoute(pathname) ? readDeviceToken() : undefined;
}

/** For the realtime connection and the API client: the token of the page the browser shows now. */
export function currentDeviceToken(): string | undefined {
  return typeof window === 'undefined' ? undefined : deviceTokenFor(window.location.pathname);
}
