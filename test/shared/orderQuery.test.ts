import { describe, expect, it } from 'vitest';
import type { LifecycleState } from '../../electron/shared/lifecycle';
import type { Kopiyky } from '../../electron/shared/money';
import {
  chipsOf,
  holdExpiresAt,
  queryOrders,
  type OrderQuery,
  type QueryContext,
} from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { listRow } from '../support/orderRow';

// Local times, so the day filters behave the same in any time zone the tests run in.
const NOW = new Date(2025, 2, 10, 12, 0, 0);
const at = (day: number, hour = 12) => new Date(2025, 2, day, hour, 0, 0).toISOString();
const HOUR = 60 * 60 * 1000;
const context: QueryContext = { now: NOW, holdLifetimeHours: 168 };

let nextId = 1;
function row(fields: Partial<OrderRow> & { state: LifecycleState }): OrderRow {
  return listRow(nextId++, { site: 'shop-a', createdAt: at(1), merchantId: 'm1', ...fields });
}

const run = (rows: OrderRow[], query: OrderQuery = {}) => queryOrders(rows, query, context);
const numbers = (rows: OrderRow[]) => rows.map((r) => r.orderNumber);

describe('orders query: state chips', () => {
  const rows = [
    row({ orderNumber: 'held-fresh', state: 'held', stateChangedAt: at(9) }),
    row({
      orderNumber: 'held-uapay-soon',
      state: 'held',
      uapay: { holdExpiresAt: new Date(NOW.getTime() + 5 * HOUR).toISOString(), checkedAt: at(10) },
    }),
    // No UAPAY facts yet: 7 days from the order's creation (3 March, noon) end in 5 hours.
    row({ orderNumber: 'held-lifetime-soon', state: 'held', createdAt: at(3, 17) }),
    row({ orderNumber: 'held-overdue', state: 'held', createdAt: at(1) }),
    row({ orderNumber: 'link', state: 'link_sent' }),
    row({ orderNumber: 'paid', state: 'paid' }),
    row({ orderNumber: 'refunded', state: 'refunded' }),
    row({ orderNumber: 'partial', state: 'partially_refunded' }),
    row({ orderNumber: 'failed', state: 'failed' }),
    row({ orderNumber: 'rejected', state: 'rejected' }),
    row({ orderNumber: 'expired', state: 'expired' }),
    row({ orderNumber: 'no-link', state: 'no_link' }),
  ];

  it('filters by each chip', () => {
    const sorted = (chip: OrderQuery['chips']) => numbers(run(rows, { chips: chip }).rows).sort();
    expect(sorted(['held'])).toEqual(['held-fresh', 'held-lifetime-soon', 'held-overdue', 'held-uapay-soon']);
    expect(sorted(['expiring'])).toEqual(['held-lifetime-soon', 'held-overdue', 'held-uapay-soon']);
    expect(sorted(['link_sent'])).toEqual(['link']);
    expect(sorted(['paid'])).toEqual(['paid']);
    expect(sorted(['refunded'])).toEqual(['partial', 'refunded']);
    expect(sorted(['failed'])).toEqual(['expired', 'failed', 'rejected']);
  });

  it('shows the union of several chips, and every row with none', () => {
    expect(numbers(run(rows, { chips: ['paid', 'link_sent'] }).rows).sort()).toEqual(['link', 'paid']);
    expect(run(rows).rows).toHaveLength(rows.length);
  });

  it('counts rows per chip whatever chips are selected', () => {
    const { counts } = run(rows, { chips: ['paid'] });
    expect(counts).toEqual({ all: 12, held: 4, expiring: 3, link_sent: 1, paid: 1, refunded: 2, failed: 3 });
  });

  it('estimates the end of a hold from UAPAY, else from when it was seen held, else the order', () => {
    expect(holdExpiresAt(rows[0]!, 168)).toBe(Date.parse(at(9)) + 168 * HOUR);
    expect(holdExpiresAt(rows[2]!, 168)).toBe(Date.parse(at(3, 17)) + 168 * HOUR);
    expect(holdExpiresAt(rows[5]!, 168)).toBeUndefined();
    expect(chipsOf(rows[1]!, context)).toEqual(['held', 'expiring']);
    // A shorter hold lifetime setting makes the fresh hold expiring too.
    expect(chipsOf(rows[0]!, { ...context, holdLifetimeHours: 30 })).toEqual(['held', 'expiring']);
  });
});

describe('orders query: site, merchant, dates', () => {
  const rows = [
    row({ orderNumber: 'a1', site: 'shop-a', merchantId: 'm1', createdAt: at(1, 0), state: 'paid' }),
    row({ orderNumber: 'b1', site: 'shop-b', merchantId: 'm2', createdAt: at(5, 23), state: 'paid' }),
    row({ orderNumber: 'b2', site: 'shop-b', merchantId: 'm1', createdAt: at(6, 0), state: 'paid' }),
    row({ orderNumber: 'x', site: 'shop-a', state: 'held', createdAt: at(7) }),
  ];

  it('keeps only the chosen sites and merchants', () => {
    expect(numbers(run(rows, { sites: ['shop-b'] }).rows).sort()).toEqual(['b1', 'b2']);
    expect(numbers(run(rows, { merchantIds: ['m2'] }).rows)).toEqual(['b1']);
    expect(numbers(run(rows, { sites: ['shop-b'], merchantIds: ['m1'] }).rows)).toEqual(['b2']);
  });

  it('takes whole local days, both ends included', () => {
    expect(numbers(run(rows, { dateFrom: '2025-03-05', dateTo: '2025-03-05' }).rows)).toEqual(['b1']);
    expect(numbers(run(rows, { dateFrom: '2025-03-05' }).rows).sort()).toEqual(['b1', 'b2', 'x']);
    expect(numbers(run(rows, { dateTo: '2025-03-01' }).rows)).toEqual(['a1']);
  });

  it('counts under the other filters', () => {
    expect(run(rows, { sites: ['shop-a'] }).counts).toMatchObject({ all: 2, held: 1 });
  });
});

describe('orders query: search', () => {
  const rows = [
    row({ orderNumber: '1001A', customerName: 'Петренко Іван', emails: ['ivan@example.com'], state: 'paid' }),
    row({
      orderNumber: '1002A',
      customerName: 'Мар’яна Ґудзь',
      emails: ['MARYANA@Example.UA'],
      state: 'paid',
    }),
    row({ orderNumber: '2001B', customerName: 'Сергій Їжак', emails: [], state: 'paid' }),
    row({ orderNumber: '2002B', customerName: 'Алёна Котова', emails: ['alena@example.ru'], state: 'paid' }),
  ];
  const found = (search: string) => numbers(run(rows, { search }).rows).sort();

  it('finds Ukrainian names whatever the case, in any word order', () => {
    expect(found('петренко')).toEqual(['1001A']);
    expect(found('ІВАН ПЕТРЕНКО')).toEqual(['1001A']);
    expect(found('ґудзь')).toEqual(['1002A']);
    expect(found('їжак')).toEqual(['2001B']);
  });

  it('treats the apostrophe forms of Ukrainian names alike, and ё as е', () => {
    expect(found("мар'яна")).toEqual(['1002A']);
    expect(found('марʼяна')).toEqual(['1002A']);
    expect(found('алена')).toEqual(['2002B']);
  });

  it('keeps Ukrainian letters apart (і is not и, ґ is not г)', () => {
    expect(found('иван')).toEqual([]);
    expect(found('гудзь')).toEqual([]);
  });

  it('finds by order number and by e-mail', () => {
    expect(found('2001')).toEqual(['2001B']);
    expect(found('1002a')).toEqual(['1002A']);
    expect(found('maryana@example.ua')).toEqual(['1002A']);
    expect(found('example')).toEqual(['1001A', '1002A', '2002B']);
  });

  it('needs every word, and a word does not span two fields', () => {
    expect(found('петренко 2001')).toEqual([]);
    expect(found('іван ivan')).toEqual(['1001A']);
  });
});

describe('orders query: sorting', () => {
  const rows = [
    row({ orderNumber: '10A', customerName: 'Єва', amount: 300 as Kopiyky, createdAt: at(2), state: 'held' }),
    row({
      orderNumber: '2A',
      customerName: 'Ірина',
      amount: 100 as Kopiyky,
      createdAt: at(3),
      state: 'paid',
    }),
    row({
      orderNumber: '1A',
      customerName: 'Ганна',
      amount: 200 as Kopiyky,
      createdAt: at(1),
      state: 'no_link',
    }),
    row({
      orderNumber: '3A',
      customerName: 'Ґалина',
      amount: 200 as Kopiyky,
      createdAt: at(4),
      state: 'failed',
    }),
    row({ orderNumber: '4A', customerName: '', amount: 50 as Kopiyky, createdAt: at(5), state: 'paid' }),
  ];
  const sorted = (sort: OrderQuery['sort']) => numbers(run(rows, { sort }).rows);

  it('puts the newest order first by default', () => {
    expect(numbers(run(rows).rows)).toEqual(['4A', '3A', '2A', '10A', '1A']);
  });

  it('sorts order numbers as numbers and names in Ukrainian alphabet order', () => {
    expect(sorted({ column: 'orderNumber', direction: 'asc' })).toEqual(['1A', '2A', '3A', '4A', '10A']);
    // Г Ґ Є І, the name-less row last.
    expect(sorted({ column: 'customerName', direction: 'asc' })).toEqual(['1A', '3A', '10A', '2A', '4A']);
    expect(sorted({ column: 'customerName', direction: 'desc' })).toEqual(['2A', '10A', '3A', '1A', '4A']);
  });

  it('sorts amounts and states, equal values by payment id in the same direction', () => {
    expect(sorted({ column: 'amount', direction: 'desc' })).toEqual(['10A', '3A', '1A', '2A', '4A']);
    expect(sorted({ column: 'state', direction: 'asc' })).toEqual(['1A', '10A', '2A', '4A', '3A']);
  });

  it('puts rows without a value last in either direction', () => {
    expect(sorted({ column: 'timeLeft', direction: 'asc' })[0]).toBe('10A');
    expect(sorted({ column: 'timeLeft', direction: 'desc' })[0]).toBe('10A');
  });
});

describe('orders query: summary', () => {
  it('adds up what is held, paid today and refunded today', () => {
    const rows = [
      row({ state: 'held', amount: 500 as Kopiyky, uapay: { amount: 450 as Kopiyky, checkedAt: at(10) } }),
      row({ state: 'held', amount: 100 as Kopiyky }),
      row({ state: 'paid', amount: 200 as Kopiyky, paidAt: at(10, 9) }),
      row({ state: 'paid', amount: 999 as Kopiyky, paidAt: at(9, 9) }),
      row({ state: 'refunded', amount: 300 as Kopiyky, paidAt: at(8), stateChangedAt: at(10, 8) }),
      row({
        state: 'partially_refunded',
        amount: 70 as Kopiyky,
        uapay: { amount: 100 as Kopiyky, checkedAt: at(10) },
        paidAt: at(10, 8),
        lastOperation: { kind: 'payment.refund', at: at(10, 11), outcome: 'succeeded' },
      }),
      row({ state: 'refunded', amount: 40 as Kopiyky, stateChangedAt: at(9) }),
    ];
    expect(run(rows, { chips: ['paid'] }).summary).toEqual({
      held: { count: 2, total: 550 },
      paidToday: { count: 2, total: 300 },
      refundedToday: { count: 2, total: 330 },
    });
  });
});
