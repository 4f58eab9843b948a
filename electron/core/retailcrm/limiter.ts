import PQueue from 'p-queue';

/**
 * One limiter for every RetailCRM call of the app (reference §1.7: 10 requests per second; the
 * docs say per IP, the Go client per key). Requests start evenly spaced, a little under the limit,
 * so a sliding-window count on the server never sees a burst; the 503 retry covers the rest.
 *
 * `strict` makes the spacing hold between any two starts (a sliding window): p-queue's default
 * fixed windows let a call at one window's end and the next at the following window's start run
 * back to back, which is 11 requests in a second on the server's count.
 */
export function createRetailCrmLimiter(requestsPerSecond = 10): PQueue {
  const SAFETY = 0.95;
  return new PQueue({
    interval: Math.ceil(1000 / (requestsPerSecond * SAFETY)),
    intervalCap: 1,
    strict: true,
  });
}
