/**
 * What an API route handler sees once the request passed faults, the rate limit, authentication and the scope
 * check (server.ts): plain data, so handlers are independent of fastify.
 */
import { visibleSites } from './apiKeys';
import { accessDenied, inputErrors, MESSAGE } from './errors';
import type { Actor, ApiKey } from './model';
import type { RouteName } from './routes';
import type { RetailCrmState } from './state';
import type { Json } from './wire';

export interface Call {
  readonly apiKey: ApiKey;
  readonly query: Json;
  /** POST form fields (urlencoded or multipart); `{}` for GET. */
  readonly fields: Json;
  readonly params: Record<string, string>;
  readonly state: RetailCrmState;
}

export interface Reply {
  status?: number;
  body: Json;
}

export type Handler = (call: Call) => Reply;
export type Handlers = Partial<Record<RouteName, Handler>>;

export function ok(body: Json, status = 200): Reply {
  return { status, body: { success: true, ...body } };
}

/** The key as a history author (§10.3: `source:"api"`, `apiKey.current` decided by the reader). */
export function apiActor(call: Call): Actor {
  return { source: 'api', apiKey: call.apiKey.key };
}

export function canSee(call: Call, site: string): boolean {
  const sites = visibleSites(call.apiKey);
  return sites === null || sites.has(site);
}

/**
 * The optional `site` parameter (reference §1.3): used when given, never required. A store the key may not
 * access is refused with 403 "Access denied."; an unknown store with 400.
 */
export function requestedSite(call: Call): string | undefined {
  const site = call.fields.site ?? call.query.site;
  if (site === undefined || site === '') return undefined;
  if (typeof site !== 'string' || !call.state.refs.sites.has(site))
    throw inputErrors({ site: MESSAGE.invalid });
  if (!canSee(call, site)) throw accessDenied();
  return site;
}

/** `by` for addressing an entity: `id` or `externalId` (reference §3.2, §4.2). */
export function byParameter(call: Call, fallback: 'id' | 'externalId'): 'id' | 'externalId' {
  const by = call.fields.by ?? call.query.by ?? fallback;
  if (by !== 'id' && by !== 'externalId') throw inputErrors({ by: MESSAGE.choice });
  return by;
}
