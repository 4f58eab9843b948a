import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../../electron/core/errors';
import { RetailCrmApi } from '../../../electron/core/retailcrm/api';
import { RetailCrmClient, type RetailCrmClientOptions } from '../../../electron/core/retailcrm/client';
import { RetailCrmError } from '../../../electron/core/retailcrm/errors';
import { kopiyky } from '../../../electron/shared/money';
import { FULL_KEY, READ_ONLY_KEY, startAccount } from './account';

function client(url: string, options: Partial<RetailCrmClientOptions> = {}): RetailCrmClient {
  return new RetailCrmClient({ origin: url, apiKey: FULL_KEY, backoffMs: 5, timeoutMs: 2_000, ...options });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A host that answers every request the same way: not RetailCRM, or a gateway in front of it. */
async function serve(status: number, body: string, type = 'text/html'): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('RetailCRM client: the envelope and errors', () => {
  it('returns the payload of a success envelope', async () => {
    const { url } = await startAccount();
    const body = await client(url).get<{ success: boolean; versions: string[] }>('api-versions');
    expect(body).toEqual({ success: true, versions: ['3.0', '4.0', '5.0'] });
  });

  it('keeps errorMsg and the field → message form of errors', async () => {
    const { url } = await startAccount();
    const error = await failure(
      client(url).post('v5/orders/payments/create', { payment: { type: 'bank-card', amount: 1 } }),
    );
    expect(error).toBeInstanceOf(RetailCrmError);
    expect((error as RetailCrmError).info).toEqual({
      kind: 'retailcrm',
      status: 400,
      message: 'Errors in the entity format',
      errors: { order: 'Set one of the following fields: id, externalId, number' },
    });
  });

  it('keeps the plain-list form of errors', async () => {
    const { url, fake } = await startAccount();
    fake.control.injectFault({
      route: 'reference/sites',
      kind: 'status',
      status: 400,
      body: {
        success: false,
        errorMsg: 'Failed to activate module',
        errors: ['Your account has insufficient funds to activate integration module', 'Second reason'],
      },
    });
    const error = await failure(client(url).get('v5/reference/sites'));
    expect((error as RetailCrmError).info).toEqual({
      kind: 'retailcrm',
      status: 400,
      message: 'Failed to activate module',
      errors: ['Your account has insufficient funds to activate integration module', 'Second reason'],
    });
  });

  it('says "Wrong apiKey value" for a key the account does not have', async () => {
    const { url } = await startAccount();
    const error = await failure(client(url, { apiKey: 'not-a-key-of-this-account' }).get('credentials'));
    expect((error as RetailCrmError).info).toEqual({
      kind: 'retailcrm',
      status: 403,
      message: 'Wrong "apiKey" value.',
    });
  });

  it('says "Access denied." for a method the key has no right to', async () => {
    const { url } = await startAccount();
    const error = await failure(
      client(url, { apiKey: READ_ONLY_KEY }).post(
        'v5/reference/payment-types/uapay/edit',
        { paymentType: { name: 'UAPAY' } },
        { idempotent: true },
      ),
    );
    expect((error as RetailCrmError).info).toMatchObject({ status: 403, message: 'Access denied.' });
  });

  it('reads an HTML page from a host that is not an account as "Account does not exist."', async () => {
    const url = await serve(404, '<html><body>Account does not exist</body></html>');
    const error = await failure(client(url).get('credentials'));
    expect((error as RetailCrmError).info).toEqual({
      kind: 'retailcrm',
      status: 404,
      message: 'Account does not exist.',
    });
  });

  it('reads JSON that is not the RetailCRM envelope as "not RetailCRM", not as data', async () => {
    const url = await serve(200, '{"hello":"world"}', 'application/json');
    const error = await failure(client(url).get('credentials'));
    expect(error).toBeInstanceOf(RetailCrmError);
    expect((error as RetailCrmError).info).toMatchObject({
      status: 200,
      message: expect.stringContaining('not as the RetailCRM API does') as string,
    });
  });

  it('treats a gateway error page as a server failure to retry, not as a missing account', async () => {
    const url = await serve(502, '<html><body>502 Bad Gateway</body></html>');
    const error = await failure(client(url, { attempts: 2 }).get('credentials'));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).info).toMatchObject({ kind: 'network', reason: 'server', status: 502 });
  });

  it('names a host that does not answer as unreachable', async () => {
    const url = await serve(200, '');
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    const error = await failure(client(url, { attempts: 2 }).get('credentials'));
    expect((error as NetworkError).info).toMatchObject({
      kind: 'network',
      service: 'retailcrm',
      reason: 'unreachable',
      message: 'Could not reach RetailCRM (ECONNREFUSED).',
    });
  });
});

describe('RetailCRM client: form posts', () => {
  it('sends nested values as JSON strings in form fields, Cyrillic and arrays intact', async () => {
    const { url, fake } = await startAccount();
    const api = new RetailCrmApi(client(url));
    await api.editPaymentType('uapay-kvity', {
      name: 'UAPAY — Квіти & Ко',
      active: true,
      sites: ['shop-a', 'shop-b'],
    });
    expect(fake.state.refs.paymentTypes.get('uapay-kvity')).toMatchObject({
      code: 'uapay-kvity',
      name: 'UAPAY — Квіти & Ко',
      active: true,
      sites: ['shop-a', 'shop-b'],
    });
    const types = await api.paymentTypes();
    expect(types.find((t) => t.code === 'uapay-kvity')).toMatchObject({ name: 'UAPAY — Квіти & Ко' });
  });
});

describe('RetailCRM client: retries', () => {
  it('retries a 503 burst and then answers', async () => {
    const { url, fake } = await startAccount();
    fake.control.injectFault({ route: 'reference/currencies', kind: 'status', status: 503, times: 3 });
    const api = new RetailCrmApi(client(url));
    expect(await api.currencies()).toEqual([expect.objectContaining({ code: 'UAH', isBase: true })]);
    expect(fake.control.callCount('reference/currencies')).toEqual({ calls: 4, succeeded: 1 });
  });

  it('gives up on a 503 that does not end, with a clear error after the last attempt', async () => {
    const { url, fake } = await startAccount();
    fake.control.injectFault({ route: 'reference/currencies', kind: 'status', status: 503 });
    const error = await failure(new RetailCrmApi(client(url, { attempts: 4 })).currencies());
    expect((error as NetworkError).info).toEqual({
      kind: 'network',
      service: 'retailcrm',
      reason: 'rate_limited',
      status: 503,
      message:
        'RetailCRM kept answering "too many requests" (HTTP 503) after 4 attempts. Wait a minute and try again.',
    });
    expect(fake.control.callCount('reference/currencies').calls).toBe(4);
  });

  it('retries a 503 even for payments/create: RetailCRM refuses it before doing anything', async () => {
    const { url, fake } = await startAccount();
    const order = fake.state.addOrder({ site: 'shop-a', totalSumm: kopiyky(500_00) });
    fake.control.injectFault({ route: 'orders/payments/create', kind: 'status', status: 503, times: 1 });
    const id = await new RetailCrmApi(client(url)).createPayment(order.id, {
      type: 'bank-card',
      amount: kopiyky(500_00),
    });
    expect(fake.state.paymentsOf(order.id).map((p) => p.id)).toEqual([id]);
    expect(fake.control.callCount('orders/payments/create')).toEqual({ calls: 2, succeeded: 1 });
  });

  it('retries a read that timed out', async () => {
    const { url, fake } = await startAccount();
    fake.control.injectFault({ route: 'reference/sites', kind: 'hang', times: 1 });
    const sites = await new RetailCrmApi(client(url, { timeoutMs: 300 })).sites();
    expect(sites.map((s) => s.code)).toEqual(['shop-a', 'shop-b']);
    expect(fake.control.callCount('reference/sites')).toEqual({ calls: 2, succeeded: 1 });
  });

  it('gives up on a read that keeps timing out, saying so', async () => {
    const { url, fake } = await startAccount();
    fake.control.injectFault({ route: 'reference/sites', kind: 'hang' });
    const error = await failure(new RetailCrmApi(client(url, { timeoutMs: 200, attempts: 2 })).sites());
    expect((error as NetworkError).info).toMatchObject({
      kind: 'network',
      reason: 'timeout',
      message: 'RetailCRM did not answer in time.',
    });
    expect(fake.control.callCount('reference/sites').calls).toBe(2);
  });

  it('sends a payment edit again after its reply was lost: the same edit twice is the same payment', async () => {
    const { url, fake } = await startAccount();
    const order = fake.state.addOrder({
      site: 'shop-a',
      totalSumm: kopiyky(300_00),
      payments: [{ type: 'bank-card', status: 'not-paid', amount: kopiyky(300_00) }],
    });
    const [paymentId] = order.paymentIds;
    fake.control.injectFault({
      route: 'orders/payments/{id}/edit',
      kind: 'drop',
      afterWork: true,
      times: 1,
    });
    await new RetailCrmApi(client(url)).editPayment(paymentId!, { status: 'paid', amount: kopiyky(300_00) });
    expect(fake.state.payment(paymentId!)).toMatchObject({ status: 'paid', amount: 300_00 });
    expect(fake.control.callCount('orders/payments/{id}/edit', paymentId)).toEqual({
      calls: 2,
      succeeded: 1,
    });
  });

  it('never sends payments/create again after a lost reply: a second payment could appear', async () => {
    const { url, fake } = await startAccount();
    const order = fake.state.addOrder({ site: 'shop-a', totalSumm: kopiyky(120_00) });
    fake.control.injectFault({ route: 'orders/payments/create', kind: 'drop', afterWork: true, times: 1 });
    const error = await failure(
      new RetailCrmApi(client(url)).createPayment(order.id, { type: 'bank-card', amount: kopiyky(120_00) }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(fake.control.callCount('orders/payments/create').calls).toBe(1);
    expect(fake.state.paymentsOf(order.id)).toHaveLength(1);
  });

  it('never sends payments/create again after a timeout', async () => {
    const { url, fake } = await startAccount();
    const order = fake.state.addOrder({ site: 'shop-a', totalSumm: kopiyky(120_00) });
    fake.control.injectFault({ route: 'orders/payments/create', kind: 'hang', times: 1 });
    const error = await failure(
      new RetailCrmApi(client(url, { timeoutMs: 200 })).createPayment(order.id, { type: 'bank-card' }),
    );
    expect((error as NetworkError).info.reason).toBe('timeout');
    expect(fake.control.callCount('orders/payments/create').calls).toBe(1);
  });
});
