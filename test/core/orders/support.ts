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
import type { Merchant } from '../../../electron/shared/settings';
import { addOrdersAccount, MAPPING, requestsTo, totalRequests } from './crm';

const TRUSTED_PAGES = new PaymentLinks('https://pay.example');

export const API_KEY = 'orders-test-key-0001';
export const MERCHANT_A = '6f1c3c1e-6a43-4b39-9d55-2f1a0c4c0a01';
export const MERCHANT_B = '6f1c3c1e-6a43-4b39-9d55-2f1a0c4c0a02';

export { MAPPING, requestsTo, totalRequests };

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
  addOrdersAccount(state, API_KEY);
  const url = await fake.listen();
  return { fake, state, url };
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
