import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STATES } from '../../electron/shared/lifecycle';
import type { Kopiyky } from '../../electron/shared/money';
import {
  OrderIndex,
  SORT_COLUMNS,
  STATE_CHIPS,
  type OrderQuery,
  type QueryContext,
  type QueryResult,
} from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { listRow } from '../support/orderRow';

const NOW = new Date(2025, 2, 10, 12, 0, 0);
const day = (d: number, hour = 12) => new Date(2025, 2, d, hour, 0, 0).toISOString();
const context: QueryContext = {
  now: NOW,
  holdLifetimeHours: 168,
  merchantNames: { m1: 'Бета', m2: 'Альфа' },
};

/** Few distinct values, so rows tie, collide and move between chips, days and search hits. */
const rowArb = (paymentId: number) =>
  fc
    .record(
      {
        orderNumber: fc.constantFrom('1001A', '1002A', '10B', '2B', '1250'),
        site: fc.constantFrom('shop-a', 'shop-b'),
        createdDay: fc.integer({ min: 1, max: 10 }),
        customerName: fc.constantFrom('Петренко Іван', 'Мар’яна Ґудзь', 'Смирнов Алексей', 'Olena Smith', ''),
        emails: fc.subarray(['ivan@example.com', 'olena@shop.ua']),
        phones: fc.subarray(['+38 (067) 123-45-67', '0501112233', '+380931250000']),
        amount: fc.constantFrom(1_250_00, 1_250_50, 99_00, 0),
        orderTotal: fc.constantFrom(1_250_00, 2_000_00),
        merchantId: fc.option(fc.constantFrom('m1', 'm2'), { nil: undefined }),
        crmStatus: fc.option(fc.constantFrom('paid', 'held', 'link-sent'), { nil: undefined }),
        state: fc.constantFrom(...LIFECYCLE_STATES),
        invoiceId: fc.option(fc.constantFrom('inv-1234', 'inv-77', 'a1b2c3d4'), { nil: undefined }),
        paidDay: fc.option(fc.integer({ min: 8, max: 10 }), { nil: undefined }),
        stateChangedDay: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        uapayAmount: fc.option(fc.constantFrom(1_250_00, 500_00), { nil: undefined }),
        holdExpiresDay: fc.option(fc.integer({ min: 9, max: 20 }), { nil: undefined }),
        lastOperation: fc.option(fc.constantFrom('refund', 'confirm'), { nil: undefined }),
      },
      {
        requiredKeys: [
          'orderNumber',
          'site',
          'createdDay',
          'customerName',
          'emails',
          'phones',
          'amount',
          'orderTotal',
          'state',
        ],
      },
    )
    .map((f): OrderRow => ({
      paymentId,
      orderId: paymentId,
      orderNumber: f.orderNumber,
      site: f.site,
      createdAt: day(f.createdDay),
      customerName: f.customerName,
      emails: f.emails,
      phones: f.phones,
      orderTotal: f.orderTotal as Kopiyky,
      amount: f.amount as Kopiyky,
      paymentType: 'uapay',
      state: f.state,
      ...(f.merchantId !== undefined && { merchantId: f.merchantId }),
      ...(f.crmStatus !== undefined && { crmStatus: f.crmStatus }),
      ...(f.invoiceId !== undefined && { invoiceId: f.invoiceId }),
      ...(f.paidDay !== undefined && { paidAt: day(f.paidDay, 9) }),
      ...(f.stateChangedDay !== undefined && { stateChangedAt: day(f.stateChangedDay, 8) }),
      ...((f.uapayAmount !== undefined || f.holdExpiresDay !== undefined) && {
        uapay: {
          ...(f.uapayAmount !== undefined && { amount: f.uapayAmount as Kopiyky }),
          ...(f.holdExpiresDay !== undefined && { holdExpiresAt: day(f.holdExpiresDay) }),
          checkedAt: day(10),
        },
      }),
      ...(f.lastOperation !== undefined && {
        lastOperation: { kind: f.lastOperation, at: day(10, 10), outcome: 'succeeded' as const },
      }),
    }));

const IDS = 24;
const idArb = fc.integer({ min: 1, max: IDS });
const rowsArb = fc.uniqueArray(idArb, { maxLength: IDS }).chain((ids) => fc.tuple(...ids.map(rowArb)));

const queryArb: fc.Arbitrary<OrderQuery> = fc.record(
  {
    chips: fc.subarray([...STATE_CHIPS]),
    sites: fc.subarray(['shop-a', 'shop-b']),
    merchantIds: fc.subarray(['m1', 'm2']),
    dateFrom: fc.constantFrom('2025-03-02', '2025-03-05'),
    dateTo: fc.constantFrom('2025-03-06', '2025-03-09'),
    search: fc.constantFrom(
      '',
      'петр',
      'smi',
      'петренко',
      'іван петр',
      'маряна',
      "мар'яна",
      'smith',
      '100',
      '1250',
      '1 250',
      '1250,5',
      '067 123',
      '+380931250000',
      'inv-1',
      'b2',
    ),
    sort: fc.record({
      column: fc.constantFrom(...SORT_COLUMNS),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    }),
  },
  { requiredKeys: [] },
);

/** A patch: rows changed or added (new objects) and payment ids removed. */
const patchArb = fc.record({
  changed: fc.uniqueArray(idArb, { maxLength: 6 }).chain((ids) => fc.tuple(...ids.map(rowArb))),
  removed: fc.uniqueArray(idArb, { maxLength: 3 }),
});

const view = (result: QueryResult) => ({
  ids: result.rows.map((row) => row.paymentId),
  counts: result.counts,
  summary: result.summary,
});

describe('the orders index kept up to date by patches', () => {
  it('answers every query exactly as an index built from scratch over the same rows', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.array(fc.tuple(patchArb, queryArb), { minLength: 1, maxLength: 8 }),
        queryArb,
        fc.boolean(),
        (initial, steps, first, prepared) => {
          const index = new OrderIndex(initial);
          if (prepared) index.prepare(context);
          index.query(first, context);
          const current = new Map(initial.map((row) => [row.paymentId, row]));
          for (const [{ changed, removed }, query] of steps) {
            // As orders.changed delivers them: an id is either changed or removed.
            const removedIds = removed.filter((id) => !changed.some((row) => row.paymentId === id));
            index.patch(changed, removedIds);
            for (const row of changed) current.set(row.paymentId, row);
            for (const id of removedIds) current.delete(id);
            const fresh = new OrderIndex([...current.values()]);
            // The same query again (its counts were patched) and a new one (orders patched).
            expect(view(index.query(first, context))).toEqual(view(fresh.query(first, context)));
            expect(view(index.query(query, context))).toEqual(view(fresh.query(query, context)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('builds every column order at load, and a changed row moves within it', () => {
    const rows: OrderRow[] = ['Петренко', 'Андрієнко', 'Ющенко'].map((customerName, i) =>
      listRow(i + 1, { site: 'shop-a', createdAt: day(i + 1), customerName, state: 'paid' }),
    );
    const index = new OrderIndex(rows);
    index.prepare(context);
    const byName = { sort: { column: 'customerName', direction: 'asc' } } as const;
    const names = () => index.query(byName, context).rows.map((row) => row.customerName);
    expect(names()).toEqual(['Андрієнко', 'Петренко', 'Ющенко']);
    index.patch([{ ...rows[0]!, customerName: 'Яковенко' }], []);
    expect(names()).toEqual(['Андрієнко', 'Ющенко', 'Яковенко']);
    index.patch([], [2]);
    expect(names()).toEqual(['Ющенко', 'Яковенко']);
    expect(index.query({}, context).counts.paid).toBe(2);
  });
});
