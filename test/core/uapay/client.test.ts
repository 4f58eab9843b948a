import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { NetworkError } from '../../../electron/core/errors';
import { UapayClient, type MerchantCredentials } from '../../../electron/core/uapay/client';
import { UapayError } from '../../../electron/core/uapay/errors';
import { createUapayFake, SandboxClock, type UapayFake } from '../../../electron/sandbox/uapay';
import { expectedPair, readingsFromEnv } from '../../support/readings';

const merchant = { clientId: '7001', secretKey: 'a-24-character-test-key!', name: 'Shop' };
let fake: UapayFake;
let origin: string;
const clock = new SandboxClock();

beforeAll(async () => {
  fake = createUapayFake({ clock, readings: readingsFromEnv() });
  fake.state.addMerchant(merchant);
  origin = await fake.listen();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.control.clearFaults();
  fake.control.resetCalls();
});

function client(overrides: Partial<MerchantCredentials> = {}, now = () => clock.now()) {
  return new UapayClient(
    {
      merchantId: 'm1',
      clientId: merchant.clientId,
      secretKey: merchant.secretKey,
      environment: 'test',
      baseUrl: origin,
      ...overrides,
    },
    { now, timeoutMs: 2_000 },
  );
}

async function heldInvoice(c: UapayClient, amount = 150_000) {
  const invoice = await c.createInvoice({
    type: 'HOLD',
    amount: kopiyky(amount),
    externalId: 'A-1',
    description: 'Order A-1',
  });
  const payment = fake.state.pay(invoice.id, { card: 'success' });
  return { invoiceId: invoice.id, paymentId: payment.paymentId };
}

describe('UAPAY client against the sandbox', () => {
  it('checks a merchant connection by opening a session', async () => {
    await expect(client().checkConnection()).resolves.toBeUndefined();
    expect(fake.control.calls({ method: 'sessions/create' })).toBe(1);
  });

  it('names a wrong key specifically, with UAPAY’s code', async () => {
    const error = await client({ secretKey: 'not-the-key' })
      .checkConnection()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UapayError);
    expect((error as UapayError).info).toMatchObject({
      kind: 'uapay',
      code: 'TOKEN_ERROR',
      merchantId: 'm1',
    });
  });

  it('names an unknown client id specifically', async () => {
    const error = await client({ clientId: '9999' })
      .checkConnection()
      .catch((e: unknown) => e);
    expect((error as UapayError).code).toBe('CLIENT_NOT_FOUND');
  });

  it('reports clock skew as TIMELIMIT_ERROR', async () => {
    const skewed = client({}, () => clock.now() - 60_000);
    await expect(skewed.checkConnection()).rejects.toMatchObject({ info: { code: 'TIMELIMIT_ERROR' } });
  });

  it('creates a HOLD invoice in kopiyky and reads it back with its payment', async () => {
    const c = client();
    const created = await c.createInvoice({
      type: 'HOLD',
      amount: kopiyky(123_45),
      externalId: 'A-2',
      description: 'Order A-2',
      extraInfo: { orderId: 2, paymentId: 20 },
      payExpiresAt: new Date(clock.now() + 3_600_000),
    });
    expect(created.paymentPageUrl).toBe(`${origin}/payment/${created.id}`);
    fake.state.pay(created.id, { card: 'success' });
    const invoice = await c.showInvoice(created.id);
    expect(invoice).toMatchObject({ id: created.id, amount: 12345, type: 'HOLD', externalId: 'A-2' });
    expect(invoice.payments).toEqual([
      expect.objectContaining({ status: 'PAID', paymentStatus: 'HOLDED', amount: 12345 }),
    ]);
  });

  it('captures a smaller amount, sending it once, in params', async () => {
    const c = client();
    const ref = await heldInvoice(c);
    await c.complete(ref, kopiyky(100_000));
    expect(fake.state.payment(ref.paymentId)).toMatchObject(expectedPair('captured'));
    expect(fake.state.money(ref.paymentId)).toMatchObject({ captured: 100_000 });
    expect(fake.control.calls({ method: 'invoicer/payments/complete', paymentId: ref.paymentId })).toBe(1);
  });

  it('keeps UAPAY’s text when a capture is refused', async () => {
    const c = client();
    const ref = await heldInvoice(c);
    fake.control.addFault({
      method: 'invoicer/payments/complete',
      kind: 'error',
      code: 'BANK_ERROR',
      message: 'Недостатньо коштів',
    });
    await expect(c.complete(ref)).rejects.toMatchObject({
      info: { kind: 'uapay', code: 'BANK_ERROR', message: 'Недостатньо коштів' },
    });
    expect(fake.state.payment(ref.paymentId)?.paymentStatus).toBe('HOLDED');
  });

  it('refunds in parts, the amount in data, and refuses more than remains', async () => {
    const c = client();
    const ref = await heldInvoice(c, 10_000);
    await c.complete(ref);
    await c.reverse(ref, kopiyky(3_000));
    expect(fake.state.payment(ref.paymentId)?.paymentStatus).toBe('RETURNED');
    await expect(c.reverse(ref, kopiyky(8_000))).rejects.toBeInstanceOf(UapayError);
    await c.reverse(ref, kopiyky(7_000));
    expect(fake.state.payment(ref.paymentId)?.paymentStatus).toBe('REVERSED');
  });

  it('cancels a hold', async () => {
    const c = client();
    const ref = await heldInvoice(c);
    await c.cancel(ref);
    expect(fake.state.payment(ref.paymentId)?.paymentStatus).toBe('CANCELED');
  });

  it('reads many invoices 100 at a time', async () => {
    const c = client();
    const ids: string[] = [];
    for (let i = 0; i < 130; i++) {
      ids.push(
        fake.state.createInvoice(merchant.clientId, {
          type: 'PAY',
          amount: 100 + i,
          externalId: `L-${i}`,
          description: 'x',
        }).id,
      );
    }
    const invoices = await c.showInvoices(ids);
    expect(invoices.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(fake.control.calls({ method: 'invoicer/invoices/show/list' })).toBe(2);
  });

  it('keeps one session while it is fresh and opens a new one after that', async () => {
    const c = client();
    await c.checkConnection();
    const ref = await heldInvoice(c);
    await c.showInvoice(ref.invoiceId);
    expect(fake.control.calls({ method: 'sessions/create' })).toBe(1);
    clock.advance(25 * 3_600_000);
    await c.showInvoice(ref.invoiceId);
    expect(fake.control.calls({ method: 'sessions/create' })).toBe(2);
  });

  it('renews a session UAPAY calls expired and sends the call again once', async () => {
    const c = new UapayClient(
      { clientId: merchant.clientId, secretKey: merchant.secretKey, environment: 'test', baseUrl: origin },
      { now: () => clock.now(), sessionMaxAgeMs: Infinity },
    );
    const ref = await heldInvoice(c);
    clock.advance(25 * 3_600_000);
    await expect(c.showInvoice(ref.invoiceId)).resolves.toMatchObject({ id: ref.invoiceId });
    expect(fake.control.calls({ method: 'sessions/create' })).toBe(2);
    expect(fake.control.calls({ method: 'invoicer/invoices/show', invoiceId: ref.invoiceId })).toBe(2);
  });

  it('after a refusal it cannot place, reads again once on a new session; a money call it does not resend', async () => {
    const c = client();
    const ref = await heldInvoice(c);
    // UNCERTAIN (reference §8.3): an expired session's code need not name the session.
    fake.control.addFault({ method: 'invoicer/invoices/show', kind: 'error', code: 'TOKEN_EXPIRED' });
    await expect(c.showInvoice(ref.invoiceId)).resolves.toMatchObject({ id: ref.invoiceId });
    expect(fake.control.calls({ method: 'sessions/create' })).toBe(2);

    fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'error', code: 'TOKEN_EXPIRED' });
    await expect(c.complete(ref)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(fake.control.calls({ method: 'invoicer/payments/complete' })).toBe(1);
    // The next call starts from a fresh session.
    await expect(c.complete(ref)).resolves.toEqual({ signed: true });
    expect(fake.control.calls({ method: 'sessions/create' })).toBe(3);
  });

  it('sends a capture again on a fresh session when its refusal was the session’s, under any code for it', async () => {
    const before = fake.control.readings();
    // UNCERTAIN (reference §8.3): an expired session answered with a code that does not name it.
    fake.control.setReadings({ sessionError: 'TOKEN_EXPIRED', sessionLifetime: 'short' });
    try {
      const c = new UapayClient(
        { clientId: merchant.clientId, secretKey: merchant.secretKey, environment: 'test', baseUrl: origin },
        { now: () => clock.now(), sessionMaxAgeMs: Infinity },
      );
      const ref = await heldInvoice(c);
      clock.advance(60_000);
      await expect(c.complete(ref)).resolves.toEqual({ signed: true });
      const completes = { method: 'invoicer/payments/complete' as const, paymentId: ref.paymentId };
      expect(fake.control.calls(completes)).toBe(2);
      expect(fake.control.calls({ ...completes, sessionRefused: false })).toBe(1);
      expect(fake.state.money(ref.paymentId)).toMatchObject({ captured: 150_000 });
    } finally {
      fake.control.setReadings(before);
    }
  });

  it('says whether a money call’s success was signed', async () => {
    const c = client();
    const ref = await heldInvoice(c);
    fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'unprovenReply', reply: 'unsigned' });
    await expect(c.complete(ref)).resolves.toEqual({ signed: false });
  });

  it('takes a signed success as proof only when it names the payment sent and is not older than the call', async () => {
    // In front of UAPAY: genuine tokens signed with the merchant's key, but not this call's answer
    // (a replay of another payment's, or of an earlier call's), then the real one.
    const sign = (fields: Record<string, unknown>, iat: number) =>
      new SignJWT({ ...fields, iat })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(merchant.secretKey));
    const nowS = () => Math.floor(Date.now() / 1000);
    const ref = { invoiceId: 'inv-1', paymentId: 'pay-1' };
    const answers = [
      { paymentId: 'pay-of-another-order', iat: nowS() },
      { paymentId: ref.paymentId, iat: nowS() - 600 },
      { iat: nowS() },
      { paymentId: ref.paymentId, iat: nowS() },
    ];
    const server = http.createServer((req, res) => {
      void (async () => {
        const answer = req.url?.endsWith('sessions/create')
          ? { id: 'session-1', iat: nowS() }
          : answers.shift()!;
        const { iat, ...fields } = answer;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 1, data: { token: await sign(fields, iat) } }));
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const c = client({ baseUrl: `http://127.0.0.1:${port}`, environment: 'production' }, () => Date.now());
      await expect(c.complete(ref)).resolves.toEqual({ signed: false }); // another payment's
      await expect(c.reverse(ref)).resolves.toEqual({ signed: false }); // ten minutes old
      await expect(c.cancel(ref)).resolves.toEqual({ signed: false }); // names no payment
      await expect(c.complete(ref)).resolves.toEqual({ signed: true });
    } finally {
      server.close();
    }
  });

  it('in production, refuses a success without a signed token instead of reading it', async () => {
    const ref = await heldInvoice(client());
    fake.control.addFault({
      method: 'invoicer/invoices/show',
      kind: 'unprovenReply',
      reply: 'unsigned',
      times: 2,
    });
    const production = client({ environment: 'production' });
    await expect(production.showInvoice(ref.invoiceId)).rejects.toMatchObject({ code: 'UNSIGNED_REPLY' });
    // The demo environment may answer unsigned (reference §8.10): read there.
    await expect(client().showInvoice(ref.invoiceId)).resolves.toMatchObject({ id: ref.invoiceId });
  });

  it('treats a reply with a forged signature as an error, not data', async () => {
    // A hostile server in front of UAPAY: well-formed replies, signed with a key that is not ours.
    const token = await new SignJWT({ id: 'session-from-mitm' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('somebody-elses-key'));
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 1, data: { token } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await client({ baseUrl: `http://127.0.0.1:${port}` })
        .checkConnection()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UapayError);
      expect((error as UapayError).code).toBe('BAD_SIGNATURE');
    } finally {
      server.close();
    }
  });

  it('turns a dropped connection into a NetworkError, although the capture happened', async () => {
    const c = client();
    const ref = await heldInvoice(c);
    fake.control.addFault({ method: 'invoicer/payments/complete', kind: 'lostReply', reply: 'drop' });
    await expect(c.complete(ref)).rejects.toBeInstanceOf(NetworkError);
    expect(fake.state.payment(ref.paymentId)).toMatchObject(expectedPair('captured'));
  });

  it('turns a gateway page into a NetworkError', async () => {
    const c = client();
    fake.control.addFault({ method: 'invoicer/invoices/show', kind: 'http', status: 502 });
    const ref = await heldInvoice(c);
    await expect(c.showInvoice(ref.invoiceId)).rejects.toMatchObject({
      info: { kind: 'network', reason: 'server', status: 502 },
    });
  });

  it('gives up on a hanging UAPAY with a timeout', async () => {
    const c = client();
    const ref = await heldInvoice(c);
    fake.control.addFault({ method: 'invoicer/invoices/show', kind: 'timeout' });
    await expect(c.showInvoice(ref.invoiceId)).rejects.toMatchObject({
      info: { kind: 'network', reason: 'timeout' },
    });
  });
});
