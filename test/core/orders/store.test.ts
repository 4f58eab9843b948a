import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORDERS_CACHE_FILE } from '../../../electron/core/orders/cacheFile';
import type { RetailCrmFake, RetailCrmState } from '../../../electron/sandbox/retailcrm';
import type { Kopiyky } from '../../../electron/shared/money';
import type { OrderRow } from '../../../electron/shared/orders';
import {
  MAPPING,
  MERCHANT_A,
  MERCHANT_B,
  merchant,
  openStore,
  requestsTo,
  startCrm,
  totalRequests,
} from './support';

const kop = (n: number) => n as Kopiyky;

/** A small shop: linked payments in several states, a cash payment, orders without ours. */
function seed(state: RetailCrmState) {
  const ivan = state.addCustomer({
    site: 'shop-a',
    firstName: 'Іван',
    lastName: 'Петренко',
    email: 'ivan@example.com',
    phones: ['+380501234567'],
  });
  const held = state.addOrder({
    site: 'shop-a',
    number: '1001A',
    customerId: ivan.id,
    email: 'orders@ivan.example',
    phone: '+38 (067) 123-45-67',
    createdAt: '2025-03-01 10:00:00',
    totalSumm: kop(1_500_00),
    items: [{ productName: 'Чайник', quantity: 1, initialPrice: kop(1_500_00) }],
    payments: [
      {
        type: 'uapay-a',
        status: 'held',
        amount: kop(1_000_00),
        externalId: 'inv-1',
        comment: 'UAPAY: https://pay.example/inv-1\nUAPAY Desk: held by Olena',
      },
      { type: 'cash', status: 'paid', amount: kop(500_00), paidAt: '2025-03-01 10:05:00' },
    ],
  });
  const noLink = state.addOrder({
    site: 'shop-b',
    number: '1002B',
    firstName: 'Olena',
    lastName: 'Shevchenko',
    email: 'olena@example.org',
    createdAt: '2025-07-01 10:00:00',
    totalSumm: kop(200_00),
    payments: [{ type: 'uapay-b', status: 'not-paid', amount: kop(200_00) }],
  });
  const refunded = state.addOrder({
    site: 'shop-a',
    number: '1003A',
    firstName: 'Taras',
    totalSumm: kop(300_00),
    payments: [{ type: 'uapay-a', status: 'part-refunded', amount: kop(100_00), externalId: 'inv-3' }],
  });
  const cashOnly = state.addOrder({
    site: 'shop-a',
    number: '1004A',
    totalSumm: kop(50_00),
    payments: [{ type: 'cash', status: 'not-paid', amount: kop(50_00) }],
  });
  state.addOrder({ site: 'shop-a', number: '1005A', totalSumm: kop(10_00) });
  return {
    ivan,
    held: { order: held.id, payment: held.paymentIds[0]!, cash: held.paymentIds[1]! },
    noLink: { order: noLink.id, payment: noLink.paymentIds[0]! },
    refunded: { order: refunded.id, payment: refunded.paymentIds[0]! },
    cashOnly: { order: cashOnly.id, payment: cashOnly.paymentIds[0]! },
  };
}

const byId = (rows: OrderRow[]) => new Map(rows.map((row) => [row.paymentId, row]));

describe('orders store: cold load', () => {
  it('builds one row per linked payment, states read back through the mapping', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store } = await openStore(url);
    fake.control.resetCounts();

    const result = await store.refresh();

    expect(result).toMatchObject({ mode: 'full', changed: 3, removed: 0, total: 3, complete: true });
    // A short history is read whole for the cursor (1), the linked orders fit one page (1).
    // The cursor, the list, then the history since the cursor (what changed meanwhile).
    expect(requestsTo(fake)).toEqual({ 'orders/history': 2, orders: 1 });
    expect(result.requests).toBe(3);
    const rows = byId((await store.list()).rows);
    expect([...rows.keys()].sort()).toEqual(
      [ids.held.payment, ids.noLink.payment, ids.refunded.payment].sort(),
    );
    expect(rows.get(ids.held.payment)).toEqual({
      paymentId: ids.held.payment,
      orderId: ids.held.order,
      orderNumber: '1001A',
      site: 'shop-a',
      createdAt: '2025-03-01T08:00:00.000Z', // Kyiv winter time, UTC+2
      customerName: 'Петренко Іван',
      emails: ['orders@ivan.example', 'ivan@example.com'],
      // The order's phone first, then the customer's.
      phones: ['+38 (067) 123-45-67', '+380501234567'],
      orderTotal: 1_500_00,
      orderPaid: 500_00,
      currency: 'UAH',
      amount: 1_000_00,
      paymentType: 'uapay-a',
      merchantId: MERCHANT_A,
      crmStatus: 'held',
      state: 'held',
      invoiceId: 'inv-1',
      link: 'https://pay.example/inv-1',
      comment: 'UAPAY: https://pay.example/inv-1\nUAPAY Desk: held by Olena',
    });
    expect(rows.get(ids.noLink.payment)).toMatchObject({
      createdAt: '2025-07-01T07:00:00.000Z', // summer time, UTC+3
      customerName: 'Shevchenko Olena',
      emails: ['olena@example.org'],
      phones: [],
      merchantId: MERCHANT_B,
      crmStatus: 'not-paid',
      state: 'no_link',
    });
    expect(rows.get(ids.noLink.payment)).not.toHaveProperty('invoiceId');
    expect(rows.get(ids.refunded.payment)).toMatchObject({ state: 'partially_refunded', amount: 100_00 });
  });

  it('shows a link from the payment comment only on UAPAY’s page for that very invoice', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const note = 'Оплата: https://pay.example/inv-1';
    state.editPayment(ids.held.payment, { comment: `UAPAY: https://evil.example/pay/inv-1\n${note}` });
    state.editPayment(ids.refunded.payment, { comment: 'UAPAY: https://pay.example/inv-1' }); // another invoice's
    const { store } = await openStore(url);
    await store.refresh();
    const rows = byId((await store.list()).rows);
    expect(rows.get(ids.held.payment)).not.toHaveProperty('link');
    expect(rows.get(ids.held.payment)?.comment).toContain(note);
    expect(rows.get(ids.refunded.payment)).not.toHaveProperty('link');
  });

  it('leaves out payments of unlinked types and orders without a linked payment', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const { store } = await openStore(url);
    await store.refresh();
    const paymentIds = (await store.list()).rows.map((row) => row.paymentId);
    expect(paymentIds).not.toContain(ids.held.cash);
    expect(paymentIds).not.toContain(ids.cashOnly.payment);
    expect((await store.list()).rows.map((row) => row.orderNumber).sort()).toEqual([
      '1001A',
      '1002B',
      '1003A',
    ]);
  });

  it('starts the cursor from a recent moment when the history is long, and follows on from it', async () => {
    const { fake, state, url } = await startCrm();
    const old = [];
    for (let i = 0; i < 150; i++)
      old.push(
        state.addOrder({
          number: `${5000 + i}`,
          createdAt: '2025-01-10 12:00:00',
          payments: [{ type: 'uapay-a', status: 'not-paid', amount: kop(100_00) }],
        }),
      );
    const { store, dir } = await openStore(url);
    fake.control.resetCounts();

    const cold = await store.refresh();
    // The oldest 100 records, then the last hour (empty: these orders are from January), 2 pages,
    // then the history since that cursor.
    expect(requestsTo(fake)).toEqual({ 'orders/history': 3, orders: 2 });
    expect(cold).toMatchObject({ mode: 'full', total: 150, requests: 5 });

    state.editPayment(old[7]!.paymentIds[0]!, { externalId: 'inv-7', status: 'link-sent' });
    fake.control.resetCounts();
    const next = await store.refresh();
    expect(next).toMatchObject({ mode: 'incremental', changed: 1, requests: 2 });
    expect((await store.row(old[7]!.paymentIds[0]!))?.state).toBe('link_sent');
    await store.flush();
    const file = JSON.parse(await fs.readFile(path.join(dir, ORDERS_CACHE_FILE), 'utf8'));
    expect(file.cursor).toEqual({ sinceId: state.lastHistoryId() });
  });
  it('misses nothing that changes while the list is being read', async () => {
    const { fake, state, url } = await startCrm();
    const orders = Array.from({ length: 150 }, () =>
      state.addOrder({ payments: [{ type: 'uapay-a', status: 'not-paid', amount: kop(10_00) }] }),
    );
    const newest = orders.at(-1)!; // on the first page (newest first)
    const { store } = await openStore(url);
    fake.control.injectFault({ route: 'orders', kind: 'latency', ms: 300, times: 2 });
    const cold = store.refresh();
    // The first page is served; the second waits: now a manager edits an order of the first.
    while (fake.control.callCount('orders').calls < 2) await new Promise((r) => setTimeout(r, 5));
    state.editPayment(newest.paymentIds[0]!, { externalId: 'inv-late', status: 'held' });
    await cold;
    // The history since the cursor, read once the list is, brings the edit in.
    expect((await store.row(newest.paymentIds[0]!))?.state).toBe('held');

    expect(await store.refresh()).toMatchObject({ mode: 'incremental', changed: 0 });
    expect((await store.row(newest.paymentIds[0]!))?.state).toBe('held');
  });

  /** A cold load whose second page waits until `meanwhile` has changed the list. */
  async function coldLoadWhile(fake: RetailCrmFake, url: string, meanwhile: () => void) {
    const handle = await openStore(url);
    fake.control.injectFault({ route: 'orders', kind: 'latency', ms: 300, times: 2 });
    const cold = handle.store.refresh();
    while (fake.control.callCount('orders').calls < 2) await new Promise((r) => setTimeout(r, 5));
    meanwhile();
    return { ...handle, result: await cold };
  }

  it('reads every order that stays in the list when one of an earlier page leaves it between two page reads', async () => {
    const { fake, state, url } = await startCrm();
    const orders = Array.from({ length: 101 }, () =>
      state.addOrder({ payments: [{ type: 'uapay-a', status: 'not-paid', amount: kop(10_00) }] }),
    );
    const oldest = orders[0]!; // alone on page 2 (newest first), then moved up onto page 1
    const leaving = orders[50]!;
    const { store, result } = await coldLoadWhile(fake, url, () =>
      state.deletePayment(leaving.paymentIds[0]!),
    );
    expect(result).toMatchObject({ mode: 'full', total: 100, complete: true });
    expect(await store.row(oldest.paymentIds[0]!)).toBeDefined();
    expect(await store.row(leaving.paymentIds[0]!)).toBeUndefined();
    expect(await store.refresh()).toMatchObject({ mode: 'incremental', total: 100 });
  });

  it('reads every order that stays in the list when one leaves it and another joins (the count unchanged)', async () => {
    const { fake, state, url } = await startCrm();
    const joining = state.addOrder({ payments: [{ type: 'cash', status: 'paid', amount: kop(10_00) }] });
    const orders = Array.from({ length: 101 }, () =>
      state.addOrder({ payments: [{ type: 'uapay-a', status: 'not-paid', amount: kop(10_00) }] }),
    );
    const { store, result } = await coldLoadWhile(fake, url, () => {
      state.deletePayment(orders[50]!.paymentIds[0]!);
      state.createPayment({ orderId: joining.id, type: 'uapay-b', status: 'not-paid' });
    });
    expect(result).toMatchObject({ mode: 'full', total: 101, complete: true });
    expect(await store.row(orders[0]!.paymentIds[0]!)).toBeDefined();
    expect((await store.list()).rows.filter((row) => row.orderId === joining.id)).toHaveLength(1);
  });

  it('loads in full again at the next refresh when orders keep leaving the list during every walk', async () => {
    const { fake, state, url } = await startCrm();
    const orders = Array.from({ length: 130 }, () =>
      state.addOrder({ payments: [{ type: 'uapay-a', status: 'not-paid', amount: kop(10_00) }] }),
    );
    const { store } = await openStore(url);
    fake.control.injectFault({ route: 'orders', kind: 'latency', ms: 100, times: 100 });
    const cold = store.refresh();
    // Whenever a second page is asked for, an order of the first leaves.
    let leaving = 129;
    let calls = 0;
    let done = false;
    void cold.finally(() => (done = true));
    while (!done) {
      const now = fake.control.callCount('orders').calls;
      if (now > calls) {
        calls = now;
        if (leaving > 100) state.deletePayment(orders[leaving--]!.paymentIds[0]!);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await cold).toMatchObject({ mode: 'full', complete: false });
    fake.control.clearFaults();
    expect(await store.refresh()).toMatchObject({
      mode: 'full',
      complete: true,
      total: 130 - (129 - leaving),
    });
  });
});

describe('orders store: full reload', () => {
  it('shows a first load page by page, then says it is done', async () => {
    const { state, url } = await startCrm();
    for (let i = 0; i < 150; i++)
      state.addOrder({ payments: [{ type: 'uapay-b', status: 'not-paid', amount: kop(10_00) }] });
    const { store, events } = await openStore(url);
    await store.refresh();
    const pages = events.filter((e) => e.changed.length > 0);
    expect(pages.map((e) => [e.changed.length, e.refreshing])).toEqual([
      [100, true],
      [50, true],
    ]);
    expect(events.at(-1)).toMatchObject({ refreshing: false, changed: [], removed: [] });
  });

  it('drops, on demand, rows RetailCRM no longer has', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store, events } = await openStore(url);
    await store.refresh();
    state.deletePayment(ids.noLink.payment);
    fake.control.resetCounts();
    const result = await store.refresh({ full: true });
    expect(result).toMatchObject({ mode: 'full', changed: 0, removed: 1, total: 2 });
    expect(requestsTo(fake)).toEqual({ 'orders/history': 2, orders: 1 });
    expect(events.at(-1)).toMatchObject({ refreshing: false, removed: [ids.noLink.payment] });
  });
});

describe('orders store: the cache', () => {
  it('paints a second start from the file without any RetailCRM request', async () => {
    const { fake, state, url } = await startCrm();
    seed(state);
    const first = await openStore(url);
    await first.store.refresh();
    await first.store.close();
    const before = await first.store.list();
    fake.control.resetCounts();

    const second = await openStore(url, { dir: first.dir });
    const list = await second.store.list();

    expect(totalRequests(fake)).toBe(0);
    expect(list.rows).toEqual(before.rows);
    expect(list.refreshedAt).toBe(before.refreshedAt);
    expect(list.refreshing).toBe(false);
    // And goes on incrementally: nothing changed, one history request.
    expect(await second.store.refresh()).toMatchObject({ mode: 'incremental', changed: 0, requests: 1 });
  });

  it('ignores a damaged cache file and loads everything again', async () => {
    const { state, url } = await startCrm();
    seed(state);
    const { store, dir } = await openStore(url);
    await fs.writeFile(path.join(dir, ORDERS_CACHE_FILE), '{"version":1,"rows":[{"paymentId":"x"}');
    expect((await store.list()).rows).toEqual([]);
    expect(await store.refresh()).toMatchObject({ mode: 'full', total: 3 });
  });

  it('shows nothing of another account and reloads in full for the new one', async () => {
    const { state, url } = await startCrm();
    seed(state);
    const { store, settings, events } = await openStore(url);
    await store.refresh();
    settings.retailCrm = { url: 'https://other.retailcrm.ru', siteCodes: [] };
    expect((await store.list()).rows).toEqual([]);
    expect(events.at(-1)?.removed).toHaveLength(3);
  });
});

describe('orders store: incremental refresh', () => {
  it('picks up exactly the edited, new and deleted payments with two requests', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store, events } = await openStore(url);
    await store.refresh();
    events.length = 0;

    state.editPayment(ids.noLink.payment, {
      externalId: 'inv-2',
      status: 'link-sent',
      comment: 'UAPAY: https://pay.example/inv-2',
    });
    const added = state.addOrder({
      site: 'shop-b',
      number: '1006B',
      payments: [{ type: 'uapay-b', status: 'paid', amount: kop(70_00), externalId: 'inv-6' }],
    });
    state.deletePayment(ids.refunded.payment);
    state.editOrder(ids.cashOnly.order, { status: 'complete' }); // not ours: read, not listed
    state.editPayment(ids.held.cash, { comment: 'counted' }); // an unlinked payment of a listed order
    fake.control.resetCounts();

    const result = await store.refresh();

    expect(requestsTo(fake)).toEqual({ 'orders/history': 1, orders: 1 });
    expect(result).toMatchObject({ mode: 'incremental', changed: 2, removed: 1, total: 3, requests: 2 });
    const rows = byId((await store.list()).rows);
    expect(rows.get(ids.noLink.payment)).toMatchObject({
      state: 'link_sent',
      invoiceId: 'inv-2',
      link: 'https://pay.example/inv-2',
    });
    expect(rows.get(added.paymentIds[0]!)).toMatchObject({ orderNumber: '1006B', state: 'paid' });
    expect(rows.has(ids.refunded.payment)).toBe(false);
    // One event to start, one with the changes.
    expect(events.map((e) => e.refreshing)).toEqual([true, false]);
    expect(events[1]!.changed.map((r) => r.paymentId).sort()).toEqual(
      [ids.noLink.payment, added.paymentIds[0]!].sort(),
    );
    expect(events[1]!.removed).toEqual([ids.refunded.payment]);
  });

  it('drops a payment whose type is no longer linked and an order that lost its last one', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const { store } = await openStore(url);
    await store.refresh();
    state.editPayment(ids.held.payment, { type: 'cash' });
    const result = await store.refresh();
    expect(result).toMatchObject({ removed: 1, total: 2 });
    expect(await store.row(ids.held.payment)).toBeUndefined();
  });

  it('reads a long history in batches of 100 and re-reads 100 orders per request', async () => {
    const { fake, state, url } = await startCrm();
    const orders = Array.from({ length: 120 }, (_, i) =>
      state.addOrder({
        number: `${7000 + i}`,
        createdAt: '2025-02-01 09:00:00',
        payments: [{ type: 'uapay-a', status: 'not-paid', amount: kop(10_00) }],
      }),
    );
    const { store } = await openStore(url);
    await store.refresh();
    const from = state.lastHistoryId();
    for (const [i, order] of orders.entries())
      state.editPayment(order.paymentIds[0]!, { externalId: `inv-${i}`, status: 'link-sent' });
    const records = state.lastHistoryId() - from;
    expect(records).toBe(240); // external id + status, per payment
    fake.control.resetCounts();

    const result = await store.refresh();

    expect(requestsTo(fake)).toEqual({ 'orders/history': 3, orders: 2 });
    expect(result).toMatchObject({ mode: 'incremental', changed: 120, requests: 5, complete: true });
    expect((await store.list()).rows.every((row) => row.state === 'link_sent')).toBe(true);
  });

  it('stops at the round cap, says so, and goes on from there next time', async () => {
    const { fake, state, url } = await startCrm();
    const orders = Array.from({ length: 120 }, () =>
      state.addOrder({
        createdAt: '2025-02-01 09:00:00',
        payments: [{ type: 'uapay-a', status: 'not-paid', amount: kop(10_00) }],
      }),
    );
    const { store } = await openStore(url, { historyRoundsPerRefresh: 2 });
    await store.refresh();
    for (const [i, order] of orders.entries())
      state.editPayment(order.paymentIds[0]!, { externalId: `inv-${i}`, status: 'link-sent' });
    fake.control.resetCounts();

    const first = await store.refresh();
    expect(first.complete).toBe(false);
    expect(fake.control.callCount('orders/history').calls).toBe(2);
    const second = await store.refresh();
    expect(second.complete).toBe(true);
    expect(first.changed + second.changed).toBe(120);
    expect((await store.list()).rows.every((row) => row.state === 'link_sent')).toBe(true);
  });

  it('retries a burst of 503s from RetailCRM and finishes the refresh', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store } = await openStore(url);
    await store.refresh();
    state.editPayment(ids.held.payment, { status: 'paid', paidAt: '2025-03-02 09:00:00' });
    fake.control.injectFault({ route: 'orders/history', kind: 'status', status: 503, times: 2 });
    fake.control.injectFault({ route: 'orders', kind: 'status', status: 503, times: 3 });
    fake.control.resetCounts();

    const result = await store.refresh();

    expect(fake.control.callCount('orders/history')).toEqual({ calls: 3, succeeded: 1 });
    expect(fake.control.callCount('orders')).toEqual({ calls: 4, succeeded: 1 });
    expect(result).toMatchObject({ mode: 'incremental', changed: 1, requests: 2 });
    expect(await store.row(ids.held.payment)).toMatchObject({
      state: 'paid',
      paidAt: '2025-03-02T07:00:00.000Z',
    });
  });

  it('keeps the cache and its cursor when RetailCRM keeps failing, and catches up later', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store, events } = await openStore(url);
    await store.refresh();
    state.editPayment(ids.held.payment, { status: 'paid' });
    fake.control.injectFault({ route: 'orders', kind: 'status', status: 500 });

    await expect(store.refresh()).rejects.toMatchObject({ info: { kind: 'retailcrm', status: 500 } });
    expect((await store.row(ids.held.payment))?.state).toBe('held');
    expect(events.at(-1)).toMatchObject({ refreshing: false, changed: [], removed: [] });
    expect((await store.list()).refreshing).toBe(false);

    fake.control.clearFaults();
    expect(await store.refresh()).toMatchObject({ changed: 1 });
    expect((await store.row(ids.held.payment))?.state).toBe('paid');
  });

  it('runs one refresh at a time: concurrent callers share it', async () => {
    const { fake, state, url } = await startCrm();
    seed(state);
    const { store } = await openStore(url);
    fake.control.resetCounts();
    const [a, b] = await Promise.all([store.refresh(), store.refresh()]);
    expect(a).toBe(b);
    expect(totalRequests(fake)).toBe(3);
    // A full reload asked for during an incremental one runs after it.
    const [c, d] = await Promise.all([store.refresh(), store.refresh({ full: true })]);
    expect([c.mode, d.mode]).toEqual(['incremental', 'full']);
  });
});

describe('orders store: settings', () => {
  it('reloads in full when the linked payment types change', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const { store, settings } = await openStore(url);
    await store.refresh();
    settings.merchants = [
      ...settings.merchants,
      merchant('6f1c3c1e-6a43-4b39-9d55-2f1a0c4c0a03', 'C', 'cash'),
    ];
    const result = await store.refresh();
    expect(result).toMatchObject({ mode: 'full', total: 5 });
    expect(await store.row(ids.cashOnly.payment)).toMatchObject({ state: 'no_link' });
  });

  it('drops the rows of an unlinked type at once, without asking RetailCRM', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store, settings, events } = await openStore(url);
    await store.refresh();
    fake.control.resetCounts();
    settings.merchants = [settings.merchants[0]!];
    expect((await store.list()).rows.map((row) => row.paymentId)).not.toContain(ids.noLink.payment);
    expect(events.at(-1)?.removed).toEqual([ids.noLink.payment]);
    expect(totalRequests(fake)).toBe(0);
  });

  it('shows only the stores chosen in setup: the others go at once, one chosen again comes back', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store, settings } = await openStore(url);
    await store.refresh();
    fake.control.resetCounts();
    settings.retailCrm = { url, siteCodes: ['shop-a'] };
    const shown = async () => (await store.list()).rows.map((row) => row.paymentId).sort();
    expect(await shown()).toEqual([ids.held.payment, ids.refunded.payment].sort());
    expect(totalRequests(fake)).toBe(0);
    // The next refresh reads the chosen stores in full; nothing of shop-b comes back.
    expect(await store.refresh()).toMatchObject({ mode: 'full', total: 2 });
    expect(await shown()).toEqual([ids.held.payment, ids.refunded.payment].sort());
    settings.retailCrm = { url, siteCodes: [] };
    expect(await store.refresh()).toMatchObject({ mode: 'full', total: 3 });
    expect(await shown()).toContain(ids.noLink.payment);
  });

  it('reads states again through a changed mapping without a request', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store, settings } = await openStore(url);
    await store.refresh();
    fake.control.resetCounts();
    settings.statusMapping = { ...MAPPING, held: 'on-hold' };
    // 'held' is no longer mapped: a payment with an invoice is at least "link sent".
    expect((await store.row(ids.held.payment))?.state).toBe('link_sent');
    expect(totalRequests(fake)).toBe(0);
  });
});

describe('orders store: what only this desktop knows', () => {
  it('keeps UAPAY facts and the last operation when the CRM side changes', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const { store, events } = await openStore(url);
    await store.refresh();
    const uapay = {
      amount: kop(1_000_00),
      heldSince: '2025-03-01T08:10:00.000Z',
      checkedAt: '2025-03-01T09:00:00.000Z',
    };
    const lastOperation = { kind: 'confirm', at: '2025-03-02T07:00:00.000Z', outcome: 'succeeded' as const };
    expect(store.patch(ids.held.payment, { uapay, lastOperation })).toMatchObject({ uapay, lastOperation });
    expect(events.at(-1)?.changed.map((r) => r.paymentId)).toEqual([ids.held.payment]);

    state.editPayment(ids.held.payment, { status: 'paid', paidAt: '2025-03-02 09:00:00' });
    await store.refresh();
    const row = await store.row(ids.held.payment);
    expect(row).toMatchObject({ state: 'paid', uapay, lastOperation });
    expect(row?.stateChangedAt).toBeDefined();

    // A new invoice: UAPAY's facts were about the old one.
    state.editPayment(ids.held.payment, { externalId: 'inv-1b' });
    await store.refresh();
    expect(await store.row(ids.held.payment)).not.toHaveProperty('uapay');
  });

  it('keeps the finer state status sync set when several states share a status code', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const { store, settings } = await openStore(url, {});
    settings.statusMapping = { ...MAPPING, partially_refunded: 'refunded' };
    await store.refresh();
    store.patch(ids.held.payment, { state: 'partially_refunded' });
    state.editPayment(ids.held.payment, { status: 'refunded', amount: kop(600_00) });
    await store.refresh();
    expect(await store.row(ids.held.payment)).toMatchObject({ state: 'partially_refunded', amount: 600_00 });
  });
});

describe('orders store: any order by its number', () => {
  it('asks RetailCRM, not only the cache, and finds an order with no UAPAY payment', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store, settings } = await openStore(url);
    await store.refresh();
    fake.control.resetCounts();
    expect(await store.find('1004A')).toEqual([
      {
        orderId: ids.cashOnly.order,
        orderNumber: '1004A',
        site: 'shop-a',
        createdAt: expect.any(String) as string,
        customerName: '',
        totalSumm: 50_00,
        currency: 'UAH',
        linkedPaymentIds: [],
      },
    ]);
    expect(requestsTo(fake)).toEqual({ orders: 1 });
    expect((await store.find('1001A'))[0]?.linkedPaymentIds).toEqual([ids.held.payment]);
    expect(await store.find('9999')).toEqual([]);
    // Only the stores chosen in setup.
    settings.retailCrm = { url, siteCodes: ['shop-b'] };
    expect(await store.find('1004A')).toEqual([]);
  });

  it('opens an order fresh, with the rows of its UAPAY payments', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const { store } = await openStore(url);
    const cash = await store.viewOrder(ids.cashOnly.order);
    expect(cash.rows).toEqual([]);
    expect(cash.detail).toMatchObject({ orderNumber: '1004A', totalSumm: 50_00, prepaySum: 0 });
    const held = await store.viewOrder(ids.held.order);
    expect(held.rows.map((row) => row.paymentId)).toEqual([ids.held.payment]);
    await expect(store.viewOrder(987_654)).rejects.toMatchObject({
      info: { kind: 'not_found', what: 'order' },
    });
  });
});

describe('orders store: one order for the side panel', () => {
  it('reads the order fresh, with its lines, customer and every payment', async () => {
    const { fake, state, url } = await startCrm();
    const ids = seed(state);
    const { store } = await openStore(url);
    await store.refresh();
    fake.control.resetCounts();

    const view = await store.view(ids.held.payment);

    expect(requestsTo(fake)).toEqual({ 'orders/{externalId}': 1 });
    expect(view.row.paymentId).toBe(ids.held.payment);
    expect(view.detail).toMatchObject({
      orderId: ids.held.order,
      orderNumber: '1001A',
      totalSumm: 1_500_00,
      contact: { name: 'Петренко Іван', email: 'orders@ivan.example' },
      customer: {
        id: ids.ivan.id,
        name: 'Петренко Іван',
        email: 'ivan@example.com',
        phones: ['+380501234567'],
      },
      items: [{ name: 'Чайник', quantity: 1, price: 1_500_00 }],
      payments: [
        {
          id: ids.held.payment,
          type: 'uapay-a',
          status: 'held',
          amount: 1_000_00,
          externalId: 'inv-1',
          linked: true,
        },
        { id: ids.held.cash, type: 'cash', status: 'paid', amount: 500_00, linked: false },
      ],
    });
  });

  it('answers not found, and drops the row, for a payment deleted in RetailCRM meanwhile', async () => {
    const { state, url } = await startCrm();
    const ids = seed(state);
    const { store } = await openStore(url);
    await store.refresh();
    state.deletePayment(ids.noLink.payment);
    await expect(store.view(ids.noLink.payment)).rejects.toMatchObject({
      info: { kind: 'not_found', what: 'payment' },
    });
    expect(await store.row(ids.noLink.payment)).toBeUndefined();
  });
});
