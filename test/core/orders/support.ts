/**
 * A RetailCRM fake on loopback with two linked payment types (two merchants), one unlinked type
 * (cash), the full status mapping, and an orders store pointed at it through the real client.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { EventBus } from '../../../electron/core/events';
import { OrdersStore, type OrdersSettings } from '../../../electron/core/orders/store';
import { PaymentLinks } from '../../../electron/core/payments/paymentLinks';
import { RetailCrmApi } from '../../../electron/core/retailcrm/api';
import { RetailCrmClient } from '../../../electron/core/retailcrm/client';
import { createRetailCrmLimiter } from '../../../electron/core/retailcrm/limiter';
import { createRetailCrmFake, type RetailCrmFake } from '../../../electron/sandbox/retailcrm';
import type { OrdersChanged } from '../../../electron/shared/channels/orders';
import type { Merchant, StatusMapping } from '../../../electron/shared/settings';

const TRUSTED_PAGES = new PaymentLinks('https://pay.example');

export const API_KEY = 'orders-test-key-0001';
export const MERCHANT_A = '6f1c3c1e-6a43-4b39-9d55-2f1a0c4c0a01';
export const MERCHANT_B = '6f1c3c1e-6a43-4b39-9d55-2f1a0c4c0a02';

/** Lifecycle state → RetailCRM payment-status code, one code per state. */
export const MAPPING: StatusMapping = {
  no_link: 'not-paid',
  link_sent: 'link-sent',
  held: 'held',
  paid: 'paid',
  failed: 'failed',
  rejected: 'rejected',
  expired: 'expired',
  refunded: 'refunded',
  partially_refunded: 'part-refunded',
};

export function merchant(id: string, name: string, paymentTypeCode?: string): Merchant {
  return {
    id,
    name,
    clientId: `client-${name}`,
    environment: 'test',
    confirmManually: true,
    ...(paymentTypeCode && { paymentTypeCode }),
    paymentTypeLocked: false,
  };
}

const fakes: RetailCrmFake[] = [];
const dirs: string[] = [];
const stores: OrdersStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-orders-'));
  dirs.push(dir);
  return dir;
}

/** The fake with its reference books; `rateLimitPerSecond` 0 (off) unless a test wants the limit. */
export async function startCrm(options: { rateLimitPerSecond?: number } = {}) {
  const fake = createRetailCrmFake({ rateLimitPerSecond: options.rateLimitPerSecond ?? 0 });
  fakes.push(fake);
  const { state } = fake;
  state.addCurrency({ code: 'UAH', isBase: true });
  state.addSite({ code: 'shop-a', name: 'Shop A', currency: 'UAH' });
  state.addSite({ code: 'shop-b', name: 'Shop B', currency: 'UAH' });
  const statuses = Object.values(MAPPING);
  for (const [index, code] of statuses.entries())
    state.putPaymentStatus({ code, name: code, paymentComplete: code === 'paid', ordering: index * 10 });
  state.putPaymentType({ code: 'uapay-a', name: 'UAPAY A', paymentStatuses: statuses });
  state.putPaymentType({ code: 'uapay-b', name: 'UAPAY B', paymentStatuses: statuses });
  state.putPaymentType({ code: 'cash', name: 'Cash', paymentStatuses: statuses });
  state.addApiKey({ key: API_KEY });
  const url = await fake.listen();
  return { fake, state, url };
}

/** Requests that reached the fake's API since the last reset, per route (retries included). */
export function requestsTo(fake: RetailCrmFake): Record<string, number> {
  return Object.fromEntries(
    Object.entries(fake.control.allCounts())
      .filter(([key]) => !key.includes('#'))
      .map(([key, count]) => [key, count.calls]),
  );
}

export function totalRequests(fake: RetailCrmFake): number {
  return Object.values(requestsTo(fake)).reduce((sum, n) => sum + n, 0);
}

export interface StoreHandle {
  store: OrdersStore;
  events: OrdersChanged[];
  settings: OrdersSettings;
  dir: string;
}

/** An orders store over the real client; `settings` may be changed by the test between calls. */
export async function openStore(
  url: string,
  options: { dir?: string; settings?: OrdersSettings; historyRoundsPerRefresh?: number } = {},
): Promise<StoreHandle> {
  const dir = options.dir ?? (await tempDir());
  const settings: OrdersSettings = options.settings ?? {
    retailCrm: { url, siteCodes: [] },
    merchants: [merchant(MERCHANT_A, 'A', 'uapay-a'), merchant(MERCHANT_B, 'B', 'uapay-b')],
    statusMapping: MAPPING,
  };
  const api = new RetailCrmApi(
    new RetailCrmClient({
      origin: url,
      apiKey: API_KEY,
      backoffMs: 5,
      limiter: createRetailCrmLimiter(1000),
    }),
  );
  const bus = new EventBus();
  const events: OrdersChanged[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'orders.changed') events.push(payload);
  });
  const store = new OrdersStore({
    dir,
    api: async () => api,
    settings: async () => settings,
    events: bus,
    saveDelayMs: 10,
    // The fixtures' payment page, as the sandbox's would be: links elsewhere are not shown.
    links: (invoiceId, link, merchant) => TRUSTED_PAGES.forInvoice(invoiceId, link, merchant),
    ...(options.historyRoundsPerRefresh && { historyRoundsPerRefresh: options.historyRoundsPerRefresh }),
  });
  stores.push(store);
  return { store, events, settings, dir };
}
