import { describe, expect, it } from 'vitest';
import { RetailCrmApi } from '../../../electron/core/retailcrm/api';
import { RetailCrmClient } from '../../../electron/core/retailcrm/client';
import { createRetailCrmLimiter } from '../../../electron/core/retailcrm/limiter';
import { FULL_KEY, startAccount } from './account';

describe('RetailCRM limiter', () => {
  it('spreads a burst of 60 calls over about 6 s, so the 10/s limit surfaces no 503', async () => {
    const { url, fake } = await startAccount({ rateLimitPerSecond: 10 });
    const crm = new RetailCrmApi(new RetailCrmClient({ origin: url, apiKey: FULL_KEY }));
    const started = performance.now();
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => crm.currencies()));
    const seconds = (performance.now() - started) / 1000;
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // The spacing does the work: at most a stray 503 on a loaded machine, retried (without the
    // limiter, 50 of the 60 would be refused at once).
    const { calls, succeeded } = fake.control.callCount('reference/currencies');
    expect(succeeded).toBe(60);
    expect(calls).toBeLessThanOrEqual(62);
    expect(seconds).toBeGreaterThan(5);
    expect(seconds).toBeLessThan(12);
  });

  it('spaces every start from the one before, also when calls arrive at uneven moments', async () => {
    // A fixed-window limiter lets a call that arrives at a window's end and the next one at the
    // following window's start run 1 ms apart: 11 in one second on the server's sliding count.
    const limiter = createRetailCrmLimiter(10);
    const t0 = performance.now();
    const starts: number[] = [];
    const runs: Promise<unknown>[] = [];
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Each "request" takes 30 ms, as one over loopback or the internet does.
    const call = () =>
      runs.push(
        limiter.add(async () => {
          starts.push(performance.now() - t0);
          await pause(30);
        }),
      );
    call();
    await pause(100);
    call();
    call();
    await pause(250);
    call();
    await pause(100);
    call();
    call();
    call();
    await Promise.all(runs);
    const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
  });
});
