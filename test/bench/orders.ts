/**
 * Orders list benchmark (not a test): `npx tsx test/bench/orders.ts [--orders 20000] [--changes 100]`.
 *
 * Seeds the RetailCRM fake (through its library API) with orders spread over the lifecycle states,
 * two merchants' payment types, two sites and three months, plus cash payments that are not ours;
 * then, through the real client and the app's rate limiter against the fake's normal limit
 * (10 requests per second, reference §1.7), measures:
 *   cold load      an empty user-data folder: history cursor + every page of linked orders;
 *   cached start   a second store on the same folder painting its list from the cache file;
 *   incremental    a refresh after `--changes` changes made in the CRM meanwhile;
 *   filter+search  a chip filter, a Ukrainian search and a sort over all rows (the first run,
 *                  which also builds each row's search key, and the median of later ones).
 * RetailCRM request counts are the fake's own (retries included). The last line is
 * `orders: n=<n> cold_s=<x> cached_s=<y> incremental_s=<z> incremental_requests=<k> search_ms=<m>`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { OrdersStore, type OrdersSettings } from '../../electron/core/orders/store';
import { RetailCrmApi } from '../../electron/core/retailcrm/api';
import { RetailCrmClient } from '../../electron/core/retailcrm/client';
import { createRetailCrmLimiter } from '../../electron/core/retailcrm/limiter';
import {
  createRetailCrmFake,
  type RetailCrmFake,
  type RetailCrmState,
} from '../../electron/sandbox/retailcrm';
import type { Kopiyky } from '../../electron/shared/money';
import { queryOrders, type OrderQuery } from '../../electron/shared/orderQuery';
import type { StatusMapping } from '../../electron/shared/settings';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '20000' },
    changes: { type: 'string', default: '100' },
  },
});
const ORDERS = Number(values.orders);
const CHANGES = Number(values.changes);
const API_KEY = 'bench-orders-key-0001';

const MAPPING: StatusMapping = {
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
/** Share of orders per state (a shop with manual confirmation). */
const STATE_WEIGHTS: [keyof typeof MAPPING, number][] = [
  ['no_link', 8],
  ['link_sent', 17],
  ['held', 15],
  ['paid', 40],
  ['failed', 5],
  ['rejected', 3],
  ['expired', 2],
  ['refunded', 5],
  ['partially_refunded', 5],
];
const FIRST = ['Іван', 'Олена', 'Мар’яна', 'Тарас', 'Оксана', 'Ґлорія', 'Сергій', 'Юлія', 'Євген', 'Ірина'];
const LAST = ['Петренко', 'Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравчук', 'Їжакевич', 'Ґудзь'];

/** Deterministic, so two runs seed the same shop. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function pickState(next: () => number): keyof typeof MAPPING {
  const total = STATE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let roll = next() * total;
  for (const [state, weight] of STATE_WEIGHTS) if ((roll -= weight) < 0) return state;
  return 'paid';
}

function crmTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

function seed(state: RetailCrmState, count: number): number[] {
  const next = random(5);
  state.addCurrency({ code: 'UAH', isBase: true });
  state.addSite({ code: 'shop-a', name: 'Shop A', currency: 'UAH' });
  state.addSite({ code: 'shop-b', name: 'Shop B', currency: 'UAH' });
  const statuses = Object.values(MAPPING);
  for (const [index, code] of statuses.entries())
    state.putPaymentStatus({ code, name: code, paymentComplete: code === 'paid', ordering: index });
  for (const code of ['uapay-a', 'uapay-b', 'cash'])
    state.putPaymentType({ code, name: code, paymentStatuses: statuses });
  state.addApiKey({ key: API_KEY });
  const customers = Array.from({ length: 2_000 }, (_, i) =>
    state.addCustomer({
      site: i % 2 ? 'shop-b' : 'shop-a',
      firstName: pick(next, FIRST),
      lastName: pick(next, LAST),
      email: `customer${i}@example.com`,
    }),
  );
  const now = Date.now();
  const orderIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const customer = pick(next, customers);
    const stateName = pickState(next);
    const total = (Math.floor(next() * 20_000) + 100) * 100;
    const created = now - Math.floor(next() * 90 * 24) * 3_600_000 - 3_600_000 * 2;
    const uapay = {
      type: next() < 0.7 ? 'uapay-a' : 'uapay-b',
      status: MAPPING[stateName],
      amount: (stateName === 'partially_refunded' ? total / 2 : total) as Kopiyky,
      ...(stateName !== 'no_link' && {
        externalId: `inv-${i}`,
        comment: `UAPAY: https://pay.example/invoice/inv-${i}`,
      }),
      ...(['paid', 'refunded', 'partially_refunded'].includes(stateName) && {
        paidAt: crmTime(created + 600_000),
      }),
    };
    const cash = next() < 0.1 ? [{ type: 'cash', status: 'paid', amount: 100_00 as Kopiyky }] : [];
    const order = state.addOrder({
      site: customer.site,
      number: `${100000 + i}${customer.site === 'shop-a' ? 'A' : 'B'}`,
      customerId: customer.id,
      createdAt: crmTime(created),
      totalSumm: (total + (cash.length ? 100_00 : 0)) as Kopiyky,
      payments: [uapay, ...cash],
    });
    orderIds.push(order.id);
  }
  return orderIds;
}

/** `changes` edits a manager or another desktop makes: statuses, links, new orders, deletions. */
function change(state: RetailCrmState, orderIds: number[], changes: number): void {
  const next = random(11);
  for (let i = 0; i < changes; i++) {
    const kind = i % 10;
    const orderId = orderIds[Math.floor(next() * orderIds.length)]!;
    const paymentId = state.paymentsOf(orderId).find((p) => p.type !== 'cash')?.id;
    if (kind < 6 && paymentId)
      state.editPayment(paymentId, { status: pick(next, ['held', 'paid', 'rejected']) });
    else if (kind < 8 && paymentId)
      state.editPayment(paymentId, { externalId: `inv-new-${i}`, status: 'link-sent' });
    else if (kind < 9)
      state.addOrder({
        site: 'shop-a',
        payments: [{ type: 'uapay-a', status: 'not-paid', amount: 500_00 as Kopiyky }],
      });
    else if (paymentId) state.deletePayment(paymentId);
  }
}

function requests(fake: RetailCrmFake): { total: number; detail: string } {
  const routes = Object.entries(fake.control.allCounts()).filter(([key]) => !key.includes('#'));
  return {
    total: routes.reduce((sum, [, count]) => sum + count.calls, 0),
    detail: routes.map(([route, count]) => `${route} ${count.calls}`).join(', '),
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

async function main(): Promise<void> {
  const fake = createRetailCrmFake(); // the normal rate limit: 10 requests per second per key
  const seedStart = performance.now();
  const orderIds = seed(fake.state, ORDERS);
  const url = await fake.listen();
  console.log(`seeded ${ORDERS} orders in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-bench-orders-'));
  const settings: OrdersSettings = {
    retailCrm: { url, siteCodes: [] },
    merchants: ['a', 'b'].map((x, i) => ({
      id: `6f1c3c1e-6a43-4b39-9d55-2f1a0c4c0a0${i + 1}`,
      name: `Merchant ${x.toUpperCase()}`,
      clientId: `client-${x}`,
      environment: 'test' as const,
      confirmManually: true,
      paymentTypeCode: `uapay-${x}`,
      paymentTypeLocked: true,
    })),
    statusMapping: MAPPING,
  };
  // One limiter for the app, as Connections builds it.
  const api = new RetailCrmApi(
    new RetailCrmClient({ origin: url, apiKey: API_KEY, limiter: createRetailCrmLimiter() }),
  );
  const open = () => new OrdersStore({ dir, api: async () => api, settings: async () => settings });

  try {
    const first = open();
    fake.control.resetCounts();
    const cold = await timed(() => first.refresh());
    const coldRequests = requests(fake);
    await first.close();
    console.log(
      `cold load:      ${cold.seconds.toFixed(2)} s, ${cold.value.total} rows, ` +
        `${coldRequests.total} RetailCRM requests (${coldRequests.detail})`,
    );

    const second = open();
    fake.control.resetCounts();
    const cached = await timed(() => second.list());
    const cachedRequests = requests(fake);
    console.log(
      `cached start:   ${cached.seconds.toFixed(2)} s, ${cached.value.rows.length} rows, ` +
        `${cachedRequests.total} RetailCRM requests`,
    );

    const historyBefore = fake.state.lastHistoryId();
    change(fake.state, orderIds, CHANGES);
    const records = fake.state.lastHistoryId() - historyBefore;
    fake.control.resetCounts();
    const incremental = await timed(() => second.refresh());
    const incrementalRequests = requests(fake);
    console.log(
      `incremental:    ${incremental.seconds.toFixed(2)} s after ${CHANGES} changes (${records} history ` +
        `records): ${incremental.value.changed} rows changed, ${incremental.value.removed} removed, ` +
        `${incrementalRequests.total} RetailCRM requests (${incrementalRequests.detail})`,
    );

    const { rows } = await second.list();
    await second.close();
    const context = { now: new Date(), holdLifetimeHours: 168 };
    const query: OrderQuery = {
      chips: ['held', 'paid'],
      search: 'петренко',
      sort: { column: 'customerName', direction: 'asc' },
    };
    const firstSearch = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = queryOrders(rows, query, context);
    const searchMs = performance.now() - firstSearch;
    const cpu = process.cpuUsage(cpuBefore);
    const later: number[] = [];
    for (const search of ['коваленко', 'customer1', '1001', 'мар’яна', 'ґудзь', 'example.com']) {
      const start = performance.now();
      queryOrders(rows, { ...query, search }, context);
      later.push(performance.now() - start);
    }
    later.sort((a, b) => a - b);
    console.log(
      `filter+search:  ${searchMs.toFixed(1)} ms over ${rows.length} rows (first, search keys built; ` +
        `${((cpu.user + cpu.system) / 1000).toFixed(1)} ms CPU), ` +
        `${later[Math.floor(later.length / 2)]!.toFixed(1)} ms median after; ${result.rows.length} matches`,
    );
    console.log(
      `orders: n=${rows.length} cold_s=${cold.seconds.toFixed(2)} cached_s=${cached.seconds.toFixed(2)} ` +
        `incremental_s=${incremental.seconds.toFixed(2)} incremental_requests=${incrementalRequests.total} ` +
        `search_ms=${searchMs.toFixed(1)}`,
    );
  } finally {
    await fake.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
