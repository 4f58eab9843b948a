/**
 * Test side of the UAPAY conformance tests: builds the signed envelope with jose directly (reference
 * §2.2: `{params, data, iat, token}`, token = HS256 over `{params, data, iat}` with the key string's
 * bytes) and talks to the fake over real loopback HTTP. Deliberately shares no code with the fake.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { afterEach, expect } from 'vitest';
import { SandboxClock } from '../../../electron/sandbox/clock';
import { createUapayFake, type UapayFake, type UapayFakeOptions } from '../../../electron/sandbox/uapay';

/** A base64-looking key, as real keys are (§2.1): it must be used as is, never decoded. */
export const MERCHANT = {
  clientId: '7001',
  secretKey: 'c2VjcmV0LWtleS1mb3ItdGVzdHM=',
  name: 'Квітковий магазин',
};
export const OTHER_MERCHANT = { clientId: '7002', secretKey: 'another merchant key', name: 'Other shop' };

export const key = (secret: string) => new TextEncoder().encode(secret);

export interface CallOptions {
  params?: Record<string, unknown>;
  data?: Record<string, unknown>;
  /** Sign with this key instead of the merchant's. */
  secretKey?: string;
  /** Seconds; default the shared clock's now. */
  iat?: number;
  /** Replace the plain body (the token stays as built). */
  plain?: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface CallResult {
  http: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** The verified reply token's payload (success replies only). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload?: JWTPayload & Record<string, any>;
}

export interface Harness {
  fake: UapayFake;
  origin: string;
  clock: SandboxClock;
  call(method: string, options?: CallOptions, merchant?: typeof MERCHANT): Promise<CallResult>;
  session(merchant?: typeof MERCHANT): Promise<string>;
  createInvoice(
    sessionId: string,
    data?: Record<string, unknown>,
  ): Promise<{ id: string; paymentPageUrl: string }>;
  /** A session, an invoice and one approved payment (state.pay, as the hosted page would). */
  paidInvoice(
    type: 'PAY' | 'HOLD',
    amount: number,
    data?: Record<string, unknown>,
  ): Promise<{ sessionId: string; invoiceId: string; paymentId: string }>;
}

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((item) => item.close()));
});

export async function startFake(options: UapayFakeOptions = {}): Promise<Harness> {
  const clock = options.clock ?? new SandboxClock();
  const fake = createUapayFake({ ...options, clock });
  started.push(fake);
  fake.state.addMerchant(MERCHANT);
  fake.state.addMerchant(OTHER_MERCHANT);
  const origin = await fake.listen();

  const call: Harness['call'] = async (method, options = {}, merchant = MERCHANT) => {
    const envelope: Record<string, unknown> = { params: options.params ?? {} };
    if (options.data) envelope.data = options.data;
    envelope.iat = options.iat ?? Math.floor(clock.now() / 1000);
    const token = await new SignJWT({ ...envelope })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(key(options.secretKey ?? merchant.secretKey));
    const body = { ...(options.plain ?? envelope), token };
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: options.signal,
    });
    const text = await response.text();
    const result: CallResult = { http: response.status, body: safeJson(text) };
    if (result.body?.status === 1) {
      const token = result.body.data.token as string;
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
      result.payload = (await jwtVerify(token, key(merchant.secretKey), { algorithms: ['HS256'] })).payload;
    }
    return result;
  };

  const session: Harness['session'] = async (merchant = MERCHANT) => {
    const result = await call('sessions/create', { params: { clientId: merchant.clientId } }, merchant);
    expect(result.body.status).toBe(1);
    return result.payload!.id as string;
  };

  const createInvoice: Harness['createInvoice'] = async (sessionId, data = {}) => {
    const result = await call('invoicer/invoices/create', {
      params: { sessionId, systemType: 'ECOM' },
      data: { externalId: 'ORDER-1', type: 'PAY', amount: 10000, description: 'Замовлення 1', ...data },
    });
    expect(result.body).toMatchObject({ status: 1 });
    return result.payload as { id: string; paymentPageUrl: string };
  };

  const paidInvoice: Harness['paidInvoice'] = async (type, amount, data = {}) => {
    const sessionId = await session();
    const { id: invoiceId } = await createInvoice(sessionId, { type, amount, ...data });
    const { paymentId } = fake.state.pay(invoiceId, { card: 'success' });
    return { sessionId, invoiceId, paymentId };
  };

  return { fake, origin, clock, call, session, createInvoice, paidInvoice };
}

export type PaymentIds = { sessionId: string; invoiceId: string; paymentId: string };

/** payments/complete|cancel|reverse on one payment, with extra params (complete's amount) or data (reverse's). */
export async function operate(
  h: Harness,
  method: string,
  ids: PaymentIds,
  extra: { params?: object; data?: object } = {},
): Promise<CallResult> {
  return h.call(`invoicer/payments/${method}`, {
    params: { sessionId: ids.sessionId, invoiceId: ids.invoiceId, paymentId: ids.paymentId, ...extra.params },
    ...(extra.data ? { data: { ...extra.data } } : {}),
  });
}

/** payments/show's verified payload (the call must succeed). */
export async function paymentShow(h: Harness, ids: Pick<PaymentIds, 'sessionId' | 'paymentId'>) {
  const result = await h.call('invoicer/payments/show', {
    params: { sessionId: ids.sessionId, paymentId: ids.paymentId },
  });
  expect(result.body.status).toBe(1);
  return result.payload!;
}

/** invoices/show's verified payload (the call must succeed). */
export async function invoiceShow(h: Harness, ids: Pick<PaymentIds, 'sessionId' | 'invoiceId'>) {
  const result = await h.call('invoicer/invoices/show', {
    params: { sessionId: ids.sessionId, id: ids.invoiceId },
  });
  expect(result.body.status).toBe(1);
  return result.payload!;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A merchant's callback endpoint that answers with the given statuses in turn (the last repeats). */
export async function startReceiver(statuses: number[] = [200]) {
  const received: { at: number; body: { token: string }; contentType?: string }[] = [];
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push({
        at: performance.now(),
        body: safeJson(text) as { token: string },
        contentType: request.headers['content-type'],
      });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uapay/callback?order=1`;
  const receiver = {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  started.push(receiver);
  return receiver;
}

/** Polls until the check passes (real time; for asynchronous deliveries only). */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) throw new Error('Timed out waiting for a condition.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
