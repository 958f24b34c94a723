import type { components } from './schema';

export { api, setUnauthorizedHandler } from './client';
export { currentDeviceToken, deviceTokenStorageKey, isDeviceRoute, readDeviceToken } from './deviceToken';
export { ApiError, unwrap, type ProblemDetails } from './problem';
export { queryKeys } from './queryKeys';
export { asLocalizedText, oneOf, type LocalizedText } from './wireTypes';

/** Shorthand for a request or response body type from the server's OpenAPI document. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
