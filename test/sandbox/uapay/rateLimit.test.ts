import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_HTTP_STATUS } from '../../../electron/sandbox/uapay';
import { MERCHANT, startFake } from './harness';

describe('UAPAY fake: rate limit', () => {
  it('is off by default', async () => {
    const h = await startFake();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        h.call('sessions/create', { params: { clientId: MERCHANT.clientId } }),
      ),
    );
    expect(results.every((result) => result.body.status === 1)).toBe(true);
  });

  it('refuses requests beyond the configured rate with RATE_LIMIT_ERROR', async () => {
    const h = await startFake();
    h.fake.control.setRateLimit({ requests: 3, perMs: 60_000 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.call('sessions/create', { params: { clientId: MERCHANT.clientId } })),
    );
    expect(results.filter((result) => result.body.status === 1)).toHaveLength(3);
    const refused = results.filter((result) => result.body.status === 0);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({
      http: RATE_LIMIT_HTTP_STATUS,
      body: { status: 0, error: { code: 'RATE_LIMIT_ERROR' } },
    });
    h.fake.control.setRateLimit(null);
    expect(h.fake.control.rateLimit()).toBeNull();
    expect((await h.call('sessions/create', { params: { clientId: MERCHANT.clientId } })).body.status).toBe(
      1,
    );
  });

  it('lets requests through again once the window has passed', async () => {
    const h = await startFake();
    h.fake.control.setRateLimit({ requests: 1, perMs: 200 });
    const create = () => h.call('sessions/create', { params: { clientId: MERCHANT.clientId } });
    expect((await create()).body.status).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await create()).body.status).toBe(1);
  });
});
