import { bearerOf, tokenIdOf, tokenMatches } from './credentials';
import type { RelayStore, TokenRecord } from './store/types';

/**
 * A desktop's bearer token, checked on every request (and so a revoked token is refused at once):
 * well-formed, known, not revoked, matching its stored hash in constant time, and issued for the
 * channel in the URL. Any failure looks the same to the caller.
 */
export async function authenticateDesktop(
  store: RelayStore,
  authorization: string | undefined,
  channelId: string,
): Promise<TokenRecord | undefined> {
  const token = bearerOf(authorization);
  const tokenId = token === undefined ? undefined : tokenIdOf(token);
  if (token === undefined || tokenId === undefined) return undefined;
  const record = await store.findToken(tokenId);
  if (!record || !tokenMatches(token, record.hash)) return undefined;
  if (record.revokedAt !== null || record.channelId !== channelId) return undefined;
  return record;
}
