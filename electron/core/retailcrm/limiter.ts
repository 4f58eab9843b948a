import PQueue from 'p-queue';

/**
 * One limiter for every RetailCRM call of the app (reference §1.7: 10 requests per second; the
 * docs say per IP, the Go client per key). Requests start evenly spaced, a little under the limit,
 * so a sliding-window count on the server never sees a burst; the 503 retry covers the rest.
 */
export function createRetailCrmLimiter(requestsPerSecond = 10): PQueue {
  const SAFETY = 0.95;
  return new PQueue({ interval: Math.ceil(1000 / (requestsPerSecond * SAFETY)), intervalCap: 1 });
}
