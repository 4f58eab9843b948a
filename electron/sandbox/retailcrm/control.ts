/**
 * Test and Demo control of the fake's behaviour (not its data): injected faults per route, added latency, the
 * rate limit, and call counts per route and per path id (e.g. a payment id) to prove a write happened once.
 */
import type { ApiKeys } from './apiKeys';
import { DEFAULT_RATE_LIMIT_PER_SECOND, RateLimiter } from './rateLimit';
import { ROUTES, type RouteName } from './routes';

/** What a fault does: answer with an HTTP status, add latency, never answer, or drop the connection. */
export type FaultAction =
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'drop' };

export type FaultSpec = FaultAction & {
  /** A route name (routes.ts) or '*' for every API route. */
  route: RouteName | '*';
  /** Only requests whose path id (`{id}`, `{externalId}`, `{code}`) equals this. */
  pathId?: string | number;
  /** How many requests it hits; omitted → until cleared. */
  times?: number;
  /** Lets this many matching requests through before it starts hitting (default 0). */
  skip?: number;
  /**
   * true: do the work first, then fail the reply ("the write happened but the answer was lost").
   * false (default): fail before anything is done.
   */
  afterWork?: boolean;
};

export type Fault = Readonly<FaultSpec> & { readonly id: number; remaining?: number; skipped?: number };

export interface CallCount {
  /** Requests that reached the route (whatever the answer). */
  calls: number;
  /** Requests answered with a 2xx status. */
  succeeded: number;
}

/** Default bodies for injected status faults, as reference §1.6 shows them. */
export function faultBody(status: number): unknown {
  if (status === 503) return { success: false, errorMsg: 'Service Temporarily Unavailable' };
  if (status === 500) return { success: false, errorMsg: 'Internal Server Error' };
  return { success: false, errorMsg: `HTTP ${status}` };
}

export class Control {
  /** Added to every API request (not the admin API). */
  latencyMs = 0;
  /** The default per-key limit; a key's own `rateLimitPerSecond` overrides it. 0 or Infinity: off. */
  rateLimitPerSecond: number;
  readonly limiter: RateLimiter;
  private faultList: Fault[] = [];
  private nextFaultId = 1;
  private readonly counts = new Map<string, CallCount>();
  private readonly hung = new Map<() => void, RouteName>();

  constructor(
    now: () => number,
    private readonly keys: ApiKeys,
    options: { rateLimitPerSecond?: number; latencyMs?: number },
  ) {
    this.limiter = new RateLimiter(now);
    this.rateLimitPerSecond = options.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND;
    this.latencyMs = options.latencyMs ?? 0;
  }

  injectFault(spec: FaultSpec): Fault {
    if (spec.route !== '*' && !ROUTES.some((route) => route.name === spec.route)) {
      throw new RangeError(`Unknown route ${spec.route}`);
    }
    const fault: Fault = { ...spec, id: this.nextFaultId++, remaining: spec.times };
    this.faultList.push(fault);
    return fault;
  }

  /** Clears every fault, or those of one route; requests left hanging by a cleared fault are dropped. */
  clearFaults(route?: RouteName | '*'): void {
    this.faultList = route === undefined ? [] : this.faultList.filter((fault) => fault.route !== route);
    this.releaseHung(route === '*' ? undefined : route);
  }

  faults(): readonly Fault[] {
    return this.faultList;
  }

  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('Latency must be >= 0 ms');
    this.latencyMs = ms;
  }

  /** The default limit, or one key's own. */
  setRateLimit(perSecond: number, apiKey?: string): void {
    if (!(perSecond >= 0)) throw new RangeError('A rate limit must be >= 0 (0: off)');
    if (apiKey === undefined) {
      this.rateLimitPerSecond = perSecond;
      return;
    }
    const key = this.keys.get(apiKey);
    if (!key) throw new RangeError(`Unknown API key`);
    key.rateLimitPerSecond = perSecond;
  }

  /** Counts for a route, or for one path id on it (payment edits are counted per payment id). */
  callCount(route: RouteName, pathId?: string | number): CallCount {
    return { ...(this.counts.get(countKey(route, pathId)) ?? { calls: 0, succeeded: 0 }) };
  }

  /** Every non-zero count, keyed `route` or `route#pathId`. */
  allCounts(): Record<string, CallCount> {
    return Object.fromEntries([...this.counts].map(([key, count]) => [key, { ...count }]));
  }

  resetCounts(): void {
    this.counts.clear();
  }

  /** Internal: the server notes a request's arrival and its answer. */
  noteCall(route: RouteName, pathId: string | undefined): void {
    for (const key of countKeys(route, pathId)) this.bump(key).calls++;
  }

  noteSuccess(route: RouteName, pathId: string | undefined): void {
    for (const key of countKeys(route, pathId)) this.bump(key).succeeded++;
  }

  /** Internal: the fault that hits this request in this phase, used up by one. */
  takeFault(route: RouteName, pathId: string | undefined, afterWork: boolean): FaultAction | undefined {
    const fault = this.faultList.find(
      (candidate) =>
        (candidate.route === '*' || candidate.route === route) &&
        (candidate.pathId === undefined || String(candidate.pathId) === pathId) &&
        (candidate.afterWork ?? false) === afterWork,
    );
    if (!fault) return undefined;
    if ((fault.skipped ?? 0) < (fault.skip ?? 0)) {
      fault.skipped = (fault.skipped ?? 0) + 1;
      return undefined;
    }
    if (fault.remaining !== undefined && --fault.remaining <= 0) {
      this.faultList = this.faultList.filter((other) => other !== fault);
    }
    return fault;
  }

  /** Internal: resolves when a hang is cleared or the server closes. */
  hang(route: RouteName): Promise<void> {
    return new Promise((resolve) => this.hung.set(resolve, route));
  }

  /** Ends hanging requests (of one route, or all). */
  releaseHung(route?: RouteName): void {
    for (const [release, hungRoute] of this.hung) {
      if (route !== undefined && hungRoute !== route) continue;
      this.hung.delete(release);
      release();
    }
  }

  private bump(key: string): CallCount {
    let count = this.counts.get(key);
    if (!count) this.counts.set(key, (count = { calls: 0, succeeded: 0 }));
    return count;
  }
}

function countKey(route: RouteName, pathId?: string | number): string {
  return pathId === undefined ? route : `${route}#${pathId}`;
}

function countKeys(route: RouteName, pathId: string | undefined): string[] {
  return pathId === undefined ? [route] : [route, countKey(route, pathId)];
}
