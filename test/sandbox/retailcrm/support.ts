/**
 * A small RetailCRM account on the fake, started on a random loopback port, and a raw HTTP client that
 * speaks the real wire format (query strings and form bodies written out by hand, so the tests show exactly
 * what goes over the wire).
 */
import { afterEach } from 'vitest';
import { SandboxClock } from '../../../electron/sandbox/clock';
import {
  createRetailCrmFake,
  type RetailCrmFake,
  type RetailCrmFakeOptions,
} from '../../../electron/sandbox/retailcrm';

export const FULL_KEY = 'full-key-0001';
export const READ_ONLY_KEY = 'order-read-key';
export const SHOP_B_KEY = 'shop-b-only-key';

export interface Account {
  fake: RetailCrmFake;
  url: string;
  clock: SandboxClock;
  ids: { ivan: number; olena: number; orderA1: number; orderA2: number; orderB1: number; paymentA1: number };
  http: Http;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}

const running: RetailCrmFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

/** A started fake with two stores, UAH as base currency, payment types/statuses, three keys and three orders. */
export async function startAccount(options: RetailCrmFakeOptions = {}): Promise<Account> {
  const clock = options.clock ?? new SandboxClock();
  const fake = createRetailCrmFake({ rateLimitPerSecond: 0, ...options, clock });
  running.push(fake);
  const { state } = fake;
  state.addCurrency({ code: 'UAH', isBase: true });
  state.addCurrency({ code: 'USD', isAutoConvert: true, autoConvertExtraPercent: 2 });
  state.addSite({ code: 'shop-a', name: 'Shop A', currency: 'UAH', url: 'https://a.example' });
  state.addSite({ code: 'shop-b', name: 'Shop B' });
  state.putPaymentStatus({ code: 'not-paid', name: 'Not paid', defaultForApi: true, ordering: 10 });
  state.putPaymentStatus({ code: 'paid', name: 'Paid', paymentComplete: true, ordering: 60 });
  state.putPaymentStatus({ code: 'refunded', name: 'Refunded', ordering: 70 });
  state.putPaymentType({ code: 'uapay', name: 'UAPAY', paymentStatuses: ['not-paid', 'paid', 'refunded'] });
  state.putPaymentType({ code: 'cash', name: 'Cash', paymentStatuses: ['not-paid', 'paid'] });
  state.addApiKey({ key: FULL_KEY });
  state.addApiKey({ key: READ_ONLY_KEY, scopes: ['order_read'] });
  state.addApiKey({
    key: SHOP_B_KEY,
    scopes: ['order_read', 'order_write', 'reference_read', 'customer_read'],
    sites: ['shop-b'],
  });
  const ivan = state.addCustomer({
    site: 'shop-a',
    externalId: 'cust-ivan',
    firstName: 'Ivan',
    lastName: 'Petrenko',
    email: 'ivan@example.com',
    phones: ['+380 50 123 45 67'],
  });
  const olena = state.addCustomer({
    site: 'shop-b',
    firstName: 'Olena',
    lastName: 'Shevchenko',
    email: 'olena@example.org',
  });
  const orderA1 = state.addOrder({
    site: 'shop-a',
    number: '1001A',
    externalId: 'ext-1001',
    customerId: ivan.id,
    createdAt: '2025-03-01 10:00:00',
    totalSumm: 1_000_00,
    payments: [{ type: 'uapay', amount: 1_000_00, externalId: 'inv-1001' }],
  });
  const orderA2 = state.addOrder({
    site: 'shop-a',
    number: '1002A',
    customerId: ivan.id,
    createdAt: '2025-03-05 12:30:00',
    items: [{ productName: 'Kettle', quantity: 2, initialPrice: 250_50 }],
    payments: [{ type: 'cash', status: 'paid', amount: 501_00, paidAt: '2025-03-05 12:40:00' }],
  });
  const orderB1 = state.addOrder({
    site: 'shop-b',
    number: '2001B',
    customerId: olena.id,
    createdAt: '2025-03-10 09:00:00',
    totalSumm: 300_00,
  });
  const url = await fake.listen();
  return {
    fake,
    url,
    clock,
    ids: {
      ivan: ivan.id,
      olena: olena.id,
      orderA1: orderA1.id,
      orderA2: orderA2.id,
      orderB1: orderB1.id,
      paymentA1: orderA1.paymentIds[0]!,
    },
    http: new Http(url),
  };
}

/**
 * A sandbox clock that moves only when told: time-window behaviour (the rate limit) is then exact even on a
 * loaded machine.
 */
export class StillClock extends SandboxClock {
  private epochMs = Date.UTC(2025, 2, 15, 9, 0, 0);

  override now(): number {
    return this.epochMs;
  }

  override advance(ms: number): void {
    this.epochMs += ms;
  }
}

export class Http {
  constructor(readonly url: string) {}

  /** `query` is written as is (e.g. 'filter[ids][]=1&limit=20'); the key goes in the X-API-KEY header. */
  async get(path: string, query = '', key: string | null = FULL_KEY, init: RequestInit = {}): Promise<Reply> {
    const headers: Record<string, string> = key === null ? {} : { 'X-API-KEY': key };
    return this.send(`${path}${query ? `?${query}` : ''}`, {
      ...init,
      headers: { ...headers, ...(init.headers as object) },
    });
  }

  /** A form-encoded POST; objects among `fields` are sent as JSON strings (reference §1.4). */
  async post(path: string, fields: Record<string, unknown>, key: string | null = FULL_KEY): Promise<Reply> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      body.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const headers: Record<string, string> = key === null ? {} : { 'X-API-KEY': key };
    return this.send(path, { method: 'POST', body, headers });
  }

  /** The same as a multipart/form-data POST (what cURL does with an array of fields, reference §1.4). */
  async postMultipart(
    path: string,
    fields: Record<string, unknown>,
    key: string | null = FULL_KEY,
  ): Promise<Reply> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      body.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const headers: Record<string, string> = key === null ? {} : { 'X-API-KEY': key };
    return this.send(path, { method: 'POST', body, headers });
  }

  async send(path: string, init: RequestInit): Promise<Reply> {
    const response = await fetch(`${this.url}${path}`, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body };
  }
}
