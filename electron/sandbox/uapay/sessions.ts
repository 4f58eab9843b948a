/**
 * Merchants and sessions (reference §3.1). A session belongs to one merchant; its lifetime is not
 * documented ("refresh at least once a day", [D16]), so it is an option, 24 h of sandbox time by
 * default (or SHORT_SESSION_LIFETIME_MS under the reading `sessionLifetime: 'short'`), and an
 * unknown or expired one answers the error the reading `sessionError` names (errors.ts).
 */
import { ERROR_CODE, sessionError, UapayApiError } from './errors';
import { SHORT_SESSION_LIFETIME_MS } from './readings';
import type { Merchant, SessionRecord, Store } from './state';

/** UNCERTAIN: default session lifetime, from the docs' advice to refresh the session daily. */
export const DEFAULT_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function addMerchant(store: Store, merchant: Merchant): Merchant {
  for (const field of ['clientId', 'secretKey', 'name'] as const) {
    if (typeof merchant[field] !== 'string' || merchant[field] === '') {
      throw new TypeError(`A merchant needs a non-empty ${field}.`);
    }
  }
  const record = { clientId: merchant.clientId, secretKey: merchant.secretKey, name: merchant.name };
  store.merchants.set(record.clientId, record);
  return record;
}

export function findMerchant(store: Store, clientId: string): Merchant {
  const merchant = store.merchants.get(clientId);
  if (!merchant) throw new UapayApiError(ERROR_CODE.clientNotFound, 'Client not found');
  return merchant;
}

export function createSession(store: Store, clientId: string): SessionRecord {
  const session = { id: store.newId(), clientId, createdAt: store.clock.now() };
  store.sessions.set(session.id, session);
  return session;
}

export function findSession(store: Store, sessionId: string): SessionRecord {
  const session = store.sessions.get(sessionId);
  if (!session) throw sessionError('unknown', store.readings);
  return session;
}

/** Sandbox time a session lasts now (a reading changed at run time applies to open sessions too). */
function sessionLifetimeMs(store: Store): number {
  return store.readings.sessionLifetime === 'short'
    ? SHORT_SESSION_LIFETIME_MS
    : store.config.sessionLifetimeMs;
}

/** Checked only after the signature, so an unsigned request learns nothing about a session. */
export function assertSessionAlive(store: Store, session: SessionRecord): void {
  if (store.clock.now() >= session.createdAt + sessionLifetimeMs(store)) {
    throw sessionError('expired', store.readings);
  }
}
