import { afterEach, describe, expect, it } from 'vitest';
import { createRetailCrmFake, type RetailCrmFake } from '../../../electron/sandbox/retailcrm';
import { Http, StillClock } from './support';

const started: RetailCrmFake[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

async function start(): Promise<{ fake: RetailCrmFake; http: Http }> {
  // The default limit (no rateLimitPerSecond given), on a clock that stands still during the burst.
  const fake = createRetailCrmFake({ clock: new StillClock() });
  started.push(fake);
  fake.state.addApiKey({ key: 'one' });
  fake.state.addApiKey({ key: 'two' });
  return { fake, http: new Http(await fake.listen()) };
}

const burst = (http: Http, key: string, count: number) =>
  Promise.all(Array.from({ length: count }, () => http.get('/api/v5/reference/currencies', '', key)));

describe('RetailCRM fake: rate limit', () => {
  it('answers a burst above 10 requests per second with 503 Rate limit exceeded', async () => {
    const { http } = await start();
    const replies = await burst(http, 'one', 15);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(10);
    const refused = replies.filter((reply) => reply.status === 503);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.body).toEqual({ success: false, errorMsg: 'Rate limit exceeded' });
  });

  it('counts per key, and lets requests through again a second later on the sandbox clock', async () => {
    const { http, fake } = await start();
    await burst(http, 'one', 10);
    expect((await http.get('/api/v5/reference/currencies', '', 'one')).status).toBe(503);
    expect((await http.get('/api/v5/reference/currencies', '', 'two')).status).toBe(200);
    fake.clock.advance(1000);
    expect((await http.get('/api/v5/reference/currencies', '', 'one')).status).toBe(200);
  });

  it('takes a per-key limit and can be turned off', async () => {
    const { http, fake } = await start();
    fake.control.setRateLimit(2, 'two');
    const replies = await burst(http, 'two', 3);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 200, 503]);
    fake.control.setRateLimit(0);
    const unlimited = await burst(http, 'one', 30);
    expect(unlimited.every((reply) => reply.status === 200)).toBe(true);
  });

  it('adds the configured latency to each request', async () => {
    const fake = createRetailCrmFake({ latencyMs: 120 });
    started.push(fake);
    fake.state.addApiKey({ key: 'k' });
    const http = new Http(await fake.listen());
    const startedAt = performance.now();
    await http.get('/api/api-versions', '', 'k');
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(110);
  });
});
