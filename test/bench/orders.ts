/**
 * Orders list benchmark (not a test): `npx tsx test/bench/orders.ts [--orders 20000] [--changes 100]`.
 *
 * Seeds the RetailCRM fake (through its library API) with orders spread over the lifecycle states,
 * two merchants' payment types, two sites and three months, plus cash payments that are not ours;
 * then, through the real client and the app's rate limiter against the fake's normal limit
 * (10 requests per second, reference §1.7), measures:
 *   cold load      an empty user-data folder: history cursor + every page of linked orders, against
 *                  the bound its request count allows at 10 requests per second;
 *   cached start   a second store on the same folder reading its list from the cache file, and the
 *                  list's index built as the app builds it for its first paint (search keys, the
 *                  newest-first order, chip counts); the other columns' orders are timed apart (the
 *                  app makes them right after, while idle) and made before any query below;
 *   incremental    a refresh after `--changes` changes made in the CRM meanwhile, its changes
 *                  patched into the index through the store's `orders.changed` events;
 *   queries        a fixed mix of 50 queries on that index, each timed (the first ones too: nothing
 *                  is warmed up): searches of 1–3 words in Ukrainian, Russian and Latin letters,
 *                  typed a letter at a time, phones and amounts in several formats, chips, sorts.
 * RetailCRM request counts are the fake's own (retries included). The last line is
 * `orders: n=<n> cold_s=<x> bound_s=<b> cached_s=<y> incremental_s=<z> incremental_requests=<k> query_p95_ms=<q>`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EventBus } from '../../electron/core/events';
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
import type { OrdersChanged } from '../../electron/shared/channels/orders';
import {
  OrderIndex,
  settingsContext,
  type OrderQuery,
  type QueryContext,
} from '../../electron/shared/orderQuery';
import { addOrdersAccount, MAPPING, requestsTo } from '../core/orders/crm';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '20000' },
    changes: { type: 'string', default: '100' },
  },
});
const ORDERS = Number(values.orders);
const CHANGES = Number(values.changes);
const API_KEY = 'bench-orders-key-0001';

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
/** Ukrainian, Russian and Latin spellings, as a shop's customers have them. */
const FIRST = [
  'Іван',
  'Олена',
  'Мар’яна',
  'Тарас',
  'Оксана',
  'Ґлорія',
  'Сергій',
  'Юлія',
  'Євген',
  'Ірина',
  'Алексей',
  'Наталья',
  'Olena',
  'John',
];
const LAST = [
  'Петренко',
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'Ткаченко',
  'Кравчук',
  'Їжакевич',
  'Ґудзь',
  'Смирнов',
  'Ёлкина',
  'Kovalenko',
  'Smith',
];
const MOBILE_CODES = ['050', '063', '067', '068', '073', '093', '096', '097', '099'];

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
  addOrdersAccount(state, API_KEY);
  const customers = Array.from({ length: 2_000 }, (_, i) =>
    state.addCustomer({
      site: i % 2 ? 'shop-b' : 'shop-a',
      firstName: pick(next, FIRST),
      lastName: pick(next, LAST),
      email: `customer${i}@example.com`,
      phones: [`+38${pick(next, MOBILE_CODES)}${String(Math.floor(next() * 1e7)).padStart(7, '0')}`],
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
  const routes = Object.entries(requestsTo(fake));
  return {
    total: routes.reduce((sum, [, calls]) => sum + calls, 0),
    detail: routes.map(([route, calls]) => `${route} ${calls}`).join(', '),
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** RetailCRM's limit per API key (reference §1.7): the bound of a cold load is its requests at this rate. */
const RATE = 10;

/**
 * The fixed mix: what a manager types (a letter at a time, so each prefix is a query), the chips
 * clicked and the columns sorted, in one sequence as a session would have them.
 */
function queryMix(): OrderQuery[] {
  const typed = (word: string, base: OrderQuery = {}) =>
    [...word].map((_, i) => ({ ...base, search: (base.search ?? '') + word.slice(0, i + 1) }));
  const mix: OrderQuery[] = [
    ...typed('петренко'),
    { search: 'петренко іван' },
    { search: 'петренко іван customer1' },
    { search: 'мар’яна ґудзь' },
    { search: "мар'яна" },
    ...typed('смирн'),
    { search: 'ёлкина наталья' },
    { search: 'елкина' },
    ...typed('smith'),
    { search: 'olena kovalenko' },
    { search: 'customer1@example' },
    { search: '+38 (067) 123-45-67' },
    { search: '0671234567' },
    { search: '671234' },
    { search: '1 250' },
    { search: '1250,00' },
    { search: '1250.5' },
    { search: '100123' },
    ...typed('067 12'),
    { search: 'inv-1234' },
    { chips: ['held'] },
    { chips: ['held', 'expiring'] },
    { chips: ['paid'], search: 'шевченко' },
    { sort: { column: 'customerName', direction: 'asc' } },
    { sort: { column: 'amount', direction: 'desc' } },
    { sort: { column: 'merchant', direction: 'asc' } },
    { chips: ['held'], sort: { column: 'timeLeft', direction: 'asc' } },
    { sort: { column: 'orderNumber', direction: 'desc' }, search: 'коваленко' },
    { sort: { column: 'email', direction: 'asc' }, sites: ['shop-b'] },
    {},
  ];
  if (mix.length !== 50) throw new Error(`the query mix has ${mix.length} queries, not 50`);
  return mix;
}

function timedQueries(index: OrderIndex, context: QueryContext): { times: number[]; slowest: string } {
  const times: number[] = [];
  let slowest = { ms: -1, query: '' };
  for (const query of queryMix()) {
    const start = performance.now();
    index.query(query, context);
    const ms = performance.now() - start;
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, query: JSON.stringify(query) };
  }
  return { times, slowest: `${slowest.ms.toFixed(2)} ms ${slowest.query}` };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
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
  const open = (onChange?: (event: OrdersChanged) => void) => {
    const events = new EventBus();
    if (onChange) events.subscribe((name, event) => name === 'orders.changed' && onChange(event));
    return new OrdersStore({ dir, api: async () => api, settings: async () => settings, events });
  };

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

    // The list as the app keeps it: built at start from the cached rows, patched by every change.
    const context: QueryContext = { now: new Date(), ...settingsContext(settings) };
    let index = new OrderIndex();
    const second = open((event) => index.patch(event.changed, event.removed));
    fake.control.resetCounts();
    const cached = await timed(async () => {
      const list = await second.list();
      // What the first paint needs: the rows' search keys, the list's order, the chip counts.
      index = new OrderIndex(list.rows);
      index.query({}, context);
      return list;
    });
    const cachedRequests = requests(fake);
    // Every other column's order: the app makes them right after the first paint, while idle.
    const prepared = await timed(async () => index.prepare(context));
    console.log(
      `cached start:   ${cached.seconds.toFixed(2)} s, ${cached.value.rows.length} rows, ` +
        `${cachedRequests.total} RetailCRM requests (list, search keys, its order and counts); ` +
        `every other column's order ${prepared.seconds.toFixed(2)} s more, before any query`,
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

    await second.close();
    const queries = timedQueries(index, context);
    console.log(
      `queries:        ${queries.times.length} on ${index.size} rows: median ${percentile(queries.times, 0.5).toFixed(2)} ms, ` +
        `p95 ${percentile(queries.times, 0.95).toFixed(2)} ms, max ${percentile(queries.times, 1).toFixed(2)} ms ` +
        `(slowest: ${queries.slowest})`,
    );
    console.log(
      `orders: n=${index.size} cold_s=${cold.seconds.toFixed(2)} bound_s=${(coldRequests.total / RATE).toFixed(2)} ` +
        `cached_s=${cached.seconds.toFixed(2)} incremental_s=${incremental.seconds.toFixed(2)} ` +
        `incremental_requests=${incrementalRequests.total} query_p95_ms=${percentile(queries.times, 0.95).toFixed(2)}`,
    );
  } finally {
    await fake.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
