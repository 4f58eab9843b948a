/**
 * The request rate limit (reference §1.7): 10 requests per second, answered with HTTP 503. The docs count per
 * IP, the Go client per key (UNCERTAIN); the fake counts per key (per IP for requests without one), over a
 * sliding one-second window of the sandbox clock, so a test can step past it with `clock.advance(1000)`.
 * A refused request does not use up the window.
 */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 10;
/** reference §1.6: the body is undocumented (nginx may send HTML); a Go fixture uses this JSON. */
export const RATE_LIMIT_BODY = { success: false, errorMsg: 'Rate limit exceeded' } as const;

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Counts the request and says whether it is allowed; 0 or Infinity means no limit. */
  take(bucket: string, perSecond: number): boolean {
    if (!(perSecond > 0) || perSecond === Infinity) return true;
    const now = this.now();
    let log = this.windows.get(bucket);
    if (!log) this.windows.set(bucket, (log = []));
    while (log.length > 0 && log[0]! <= now - 1000) log.shift();
    if (log.length >= perSecond) return false;
    log.push(now);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
