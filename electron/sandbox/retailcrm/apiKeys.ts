/** API keys (reference §2): each with its scopes and store access, as `/api/credentials` reports them. */
import type { ApiKey, SiteAccess } from './model';
import { ALL_SCOPES } from './routes';

export interface ApiKeyInput {
  key: string;
  /** Default: every scope the fake knows (routes.ts). Unknown scope names are kept and reported. */
  scopes?: string[];
  /** Default: `access_selective` when `sites` is given, else `access_full`. */
  siteAccess?: SiteAccess;
  /** The stores an `access_selective` key may see. */
  sites?: string[];
  /** Overrides the fake's rate limit for this key; 0 or Infinity turns it off. */
  rateLimitPerSecond?: number;
}

export class ApiKeys {
  private readonly keys = new Map<string, ApiKey>();

  /** Creates or replaces the key. */
  put(input: ApiKeyInput): ApiKey {
    if (!input.key) throw new RangeError('An API key must be a non-empty string');
    const apiKey: ApiKey = {
      key: input.key,
      scopes: [...(input.scopes ?? ALL_SCOPES)],
      siteAccess: input.siteAccess ?? (input.sites ? 'access_selective' : 'access_full'),
      sites: [...(input.sites ?? [])],
      rateLimitPerSecond: input.rateLimitPerSecond,
    };
    this.keys.set(apiKey.key, apiKey);
    return apiKey;
  }

  get(key: string): ApiKey | undefined {
    return this.keys.get(key);
  }

  remove(key: string): boolean {
    return this.keys.delete(key);
  }

  list(): ApiKey[] {
    return [...this.keys.values()];
  }
}

/** The stores a key sees: null for every store (`access_full`). */
export function visibleSites(apiKey: ApiKey): ReadonlySet<string> | null {
  return apiKey.siteAccess === 'access_full' ? null : new Set(apiKey.sites);
}
