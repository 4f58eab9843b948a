export interface BackoffOptions {
  /** The first retry's delay before jitter. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

/** First retry after about a second, doubling to half a minute: a relay back from a restart is
 * found quickly, and one that is down for hours costs a request every 30 s per desktop. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 30_000 };

/**
 * The wait before retry number `attempt` (0 for the first): exponential, capped, with "equal
 * jitter" — between half and all of the step — so the desktops of a shop, all cut off by the same
 * relay restart, do not come back in the same millisecond, and none retries at once.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const step = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (random() * step) / 2);
}
