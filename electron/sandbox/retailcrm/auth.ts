/**
 * Authentication and authorization (reference §1.2, §1.6, §2): the key comes from the `X-API-KEY` header, the
 * `apiKey` query parameter or the `apiKey` POST field; a key may call a method only with the method's scope.
 */
import type { ApiKeys } from './apiKeys';
import { accessDenied, ApiError } from './errors';
import type { ApiKey } from './model';
import type { Scope } from './routes';
import type { Json } from './wire';

/** UNCERTAIN (reference §1.6): the status of a missing key; the text is from the official clients. */
const MISSING_KEY_STATUS = 403;
const MISSING_KEY_MESSAGE = '"apiKey" is missing.';
const WRONG_KEY_MESSAGE = 'Wrong "apiKey" value.';

export function presentedKey(
  header: string | string[] | undefined,
  query: Json,
  fields: Json,
): string | undefined {
  const candidates = [Array.isArray(header) ? header[0] : header, query.apiKey, fields.apiKey];
  for (const candidate of candidates) if (typeof candidate === 'string' && candidate !== '') return candidate;
  return undefined;
}

export function authenticate(keys: ApiKeys, presented: string | undefined): ApiKey {
  if (presented === undefined) throw new ApiError(MISSING_KEY_STATUS, MISSING_KEY_MESSAGE);
  const apiKey = keys.get(presented);
  if (!apiKey) throw new ApiError(403, WRONG_KEY_MESSAGE);
  return apiKey;
}

export function authorize(apiKey: ApiKey, scope: Scope | null): void {
  if (scope !== null && !apiKey.scopes.includes(scope)) throw accessDenied();
}
