/**
 * What an attacker on the internet can do to the relay, with the limits as they ship: guess the
 * admin token (rate-limited before it is checked), dodge the rate limit with a forged
 * X-Forwarded-For (only the proxy's own hop is believed), post large bodies (a callback JWT is
 * small), or flood one shop's channel from many addresses (a per-channel quota).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PairingResult } from '../../electron/relay/pairing';
import { signHs256, uapayCallback } from './support/callbacks';
import { startRelay, type RunningRelay } from './support/relay';
import { freshStore, type FreshStore } from './support/stores';

const ADMIN = 'admin-token-for-tests-0123456789';
let fresh: FreshStore | undefined;
let relay: RunningRelay | undefined;
afterEach(async () => {
  await relay?.close();
  await fresh?.dispose();
  relay = undefined;
  fresh = undefined;
});

async function start(env: Record<string, string>): Promise<{ relay: RunningRelay; pairing: PairingResult }> {
  fresh = await freshStore('sqlite');
  relay = await startRelay(fresh, { env });
  return { relay, pairing: await relay.pair() };
}

async function post(url: string, body: string, forwardedFor?: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor && { 'x-forwarded-for': forwardedFor }) },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the relay under abuse', () => {
  it('rate-limits admin calls before it checks the token, so guessing is slow', async () => {
    const { relay } = await start({ RELAY_ADMIN_TOKEN: ADMIN, RELAY_RATE_LIMIT_PER_MIN: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${relay.base}/admin/channels`, {
        headers: { authorization: `Bearer guess-${i}-${'x'.repeat(24)}` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('behind one proxy, takes the address the proxy saw, not the one the client wrote', async () => {
    const { relay, pairing } = await start({ RELAY_TRUST_PROXY: '1', RELAY_RATE_LIMIT_PER_MIN: '3' });
    const statuses: number[] = [];
    // The proxy appends the real client (203.0.113.7); the client forges a fresh address before it.
    for (let i = 0; i < 5; i++)
      statuses.push(await post(pairing.callbackUrl, uapayCallback({ n: i }), `198.51.100.${i}, 203.0.113.7`));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another real client behind the same proxy has its own allowance.
    expect(await post(pairing.callbackUrl, uapayCallback({ n: 9 }), '203.0.113.8')).toBe(200);
    expect(relay.config.trustProxy).toBe(1);
  });

  it('refuses a body far larger than a callback JWT, with the default limit', async () => {
    const { pairing } = await start({});
    const jwt = signHs256({ invoiceId: 'inv-1' }, 'k');
    expect(await post(pairing.callbackUrl, JSON.stringify({ token: jwt }))).toBe(200);
    expect(await post(pairing.callbackUrl, JSON.stringify({ token: jwt, pad: 'x'.repeat(9 * 1024) }))).toBe(
      413,
    );
  });

  it('caps the callbacks one channel takes per minute, whatever addresses send them', async () => {
    const { relay, pairing } = await start({ RELAY_TRUST_PROXY: '1', RELAY_CHANNEL_LIMIT_PER_MIN: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(await post(pairing.callbackUrl, uapayCallback({ n: i }), `203.0.113.${i + 1}`));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another shop's channel is not affected.
    const other = await relay.pair('another shop');
    expect(await post(other.callbackUrl, uapayCallback({ n: 1 }), '203.0.113.50')).toBe(200);
  });
});
