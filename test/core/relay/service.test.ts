import { describe, expect, it } from 'vitest';
import type { PairingResult } from '../../../electron/relay/pairing';
import { signHs256 } from '../../relay/support/callbacks';
import {
  MERCHANT,
  OTHER_MERCHANT,
  openDesktop,
  payInvoice,
  startUapay,
  TestRelay,
  waitUntil,
} from './support';

async function pairedDesktop(pairing: PairingResult, options: Parameters<typeof openDesktop>[0] = {}) {
  const desk = await openDesktop(options);
  await desk.service.pair(pairing.pairingCode);
  await desk.waitForStatus((s) => s.connection.state === 'connected');
  return desk;
}

/** A callback as UAPAY would sign it (reference §5), for invoices the fake does not know. */
function callback(invoiceId: string, key = MERCHANT.secretKey, fields: Record<string, unknown> = {}): string {
  const payload = {
    paymentId: `pay-${invoiceId}`,
    invoiceId,
    externalId: 'order-1',
    amount: 125_050,
    status: 'FINISHED',
    paymentStatus: 'FINISHED',
    type: 'PAY',
    iat: Math.floor(Date.now() / 1000),
    ...fields,
  };
  return JSON.stringify({ token: signHs256(payload, key) });
}

/** A genuine callback whose payload was changed afterwards (the signature no longer fits). */
function tampered(body: string, invoiceId: string): string {
  const [header, payload, signature] = (JSON.parse(body) as { token: string }).token.split('.');
  const changed = { ...(JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object), invoiceId };
  return JSON.stringify({
    token: `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`,
  });
}

describe('relayed callbacks on the desktop', () => {
  it("hands a paid invoice's callback, from UAPAY through the relay, to onHint within a second", async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const fake = await startUapay();
    const desk = await pairedDesktop(pairing);

    const started = Date.now();
    const invoiceId = payInvoice(fake, pairing.callbackUrl);
    await waitUntil(() => desk.hinted().includes(invoiceId), 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(desk.hinted()).toEqual([invoiceId]);
    expect(fake.control.callbacks()[0]).toMatchObject({ invoiceId, state: 'delivered' });
    await desk.waitForStatus((s) => s.counts.applied === 1);
    expect(desk.service.status()).toMatchObject({
      counts: { received: 1, forged: 0, duplicates: 0, applied: 1, failed: 0 },
      lastEventAt: expect.any(String) as string,
    });
    await waitUntil(() => desk.statuses.at(-1)?.counts.applied === 1); // the UI hears of it too
  });

  it('hands the sender merchant along and verifies with whichever merchant key fits', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const fake = await startUapay();
    const seen: { invoiceId: string; merchantId: string }[] = [];
    const desk = await pairedDesktop(pairing, {
      merchants: [MERCHANT, OTHER_MERCHANT],
      onHint: (_ids, hints) => void seen.push(...hints),
    });

    const invoiceId = payInvoice(fake, pairing.callbackUrl, OTHER_MERCHANT.clientId);
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ invoiceId, merchantId: desk.merchantIds.get(OTHER_MERCHANT.clientId) });
  });

  it("hands UAPAY's repeated deliveries of one callback on once", async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const fake = await startUapay();
    const desk = await pairedDesktop(pairing);

    const invoiceId = payInvoice(fake, pairing.callbackUrl);
    await waitUntil(() => desk.hinted().includes(invoiceId));
    // A retry is the same payload signed again with a new iat: a new body, so a new relay event.
    const delivered = fake.control.callbacks()[0]!;
    const payload = delivered.payload as Record<string, unknown>;
    const retry = JSON.stringify({
      token: signHs256({ ...payload, iat: Math.floor(Date.now() / 1000) + 5 }, MERCHANT.secretKey),
    });
    expect(await relay.post(pairing.callbackUrl, retry)).toBe(200);
    expect(await relay.post(pairing.callbackUrl, retry)).toBe(200); // identical: stored once by the relay
    const other = callback('inv-other');
    expect(await relay.post(pairing.callbackUrl, other)).toBe(200);

    await waitUntil(() => desk.hinted().includes('inv-other'));
    await desk.waitForStatus((s) => s.counts.received === 3);
    expect(desk.hinted()).toEqual([invoiceId, 'inv-other']);
    expect(desk.service.status().counts).toMatchObject({ received: 3, duplicates: 1, applied: 2 });
  });

  it('batches hints that arrive close together, each invoice once', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await pairedDesktop(pairing, {
      timing: { backoff: { baseMs: 20, capMs: 200 }, heartbeatMs: 1_000, hintWindowMs: 300 },
    });

    const bodies = [
      callback('inv-a'),
      callback('inv-b'),
      callback('inv-a', MERCHANT.secretKey, { status: 'REVERSED' }),
    ];
    for (const body of bodies) expect(await relay.post(pairing.callbackUrl, body)).toBe(200);
    await desk.waitForStatus((s) => s.counts.applied === 3);
    expect(desk.hintCalls).toEqual([['inv-a', 'inv-b']]);
  });

  it('drops and counts a forged callback (signed with another key) and never hands it on', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await pairedDesktop(pairing);

    expect(await relay.post(pairing.callbackUrl, callback('inv-forged', 'a-key-uapay-never-gave-us'))).toBe(
      200,
    );
    expect(await relay.post(pairing.callbackUrl, tampered(callback('inv-genuine'), 'inv-tampered'))).toBe(
      200,
    );
    expect(await relay.post(pairing.callbackUrl, callback('inv-real'))).toBe(200);

    await waitUntil(() => desk.hinted().includes('inv-real'));
    expect(desk.hinted()).toEqual(['inv-real']);
    expect(desk.service.status().counts).toMatchObject({ received: 3, forged: 2, applied: 1 });
  });

  it('gives every event to each of two desktops of the shop', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const second = await relay.addDesktop(pairing.channelId);
    const fake = await startUapay();
    const one = await pairedDesktop(pairing);
    const two = await pairedDesktop(second);

    const invoices = [payInvoice(fake, pairing.callbackUrl), payInvoice(fake, pairing.callbackUrl)];
    await waitUntil(() => one.hinted().length === 2 && two.hinted().length === 2);
    expect(new Set(one.hinted())).toEqual(new Set(invoices));
    expect(new Set(two.hinted())).toEqual(new Set(invoices));
  });

  it('counts a hint whose handling failed, and goes on with the next ones', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    let fail = true;
    const desk = await pairedDesktop(pairing, {
      onHint: () => {
        if (fail) throw new Error('UAPAY is down');
      },
    });
    expect(await relay.post(pairing.callbackUrl, callback('inv-1'))).toBe(200);
    await desk.waitForStatus((s) => s.counts.failed === 1);
    fail = false;
    expect(await relay.post(pairing.callbackUrl, callback('inv-2'))).toBe(200);
    await desk.waitForStatus((s) => s.counts.applied === 1);
    expect(desk.hinted()).toEqual(['inv-1', 'inv-2']);
  });
});
