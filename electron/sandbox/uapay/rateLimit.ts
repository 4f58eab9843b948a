/**
 * An optional rate limit over all API calls (off by default). UNCERTAIN (§6.2): UAPAY documents
 * no limit, so the window, the scope (the whole server) and the reply (RATE_LIMIT_HTTP_STATUS with
 * RATE_LIMIT_ERROR) are ours. Counted in real time: a limit is about how fast a client sends.
 */

export interface RateLimit {
  requests: number;
  perMs: number;
}

export class RateLimiter {
  private limit: RateLimit | null = null;
  private times: number[] = [];

  set(limit: RateLimit | null): void {
    if (limit && (!(limit.requests >= 1) || !(limit.perMs > 0))) {
      throw new RangeError('A rate limit needs requests ≥ 1 and perMs > 0.');
    }
    this.limit = limit;
    this.times = [];
  }

  get(): RateLimit | null {
    return this.limit;
  }

  /** Records the request and says whether it may pass (a refused request does not use up the window). */
  allow(now = performance.now()): boolean {
    if (!this.limit) return true;
    const since = now - this.limit.perMs;
    this.times = this.times.filter((time) => time > since);
    if (this.times.length >= this.limit.requests) return false;
    this.times.push(now);
    return true;
  }
}
