import { describe, expect, it } from 'vitest';
import { deriveState, stateForCrmStatus, type UapayInvoiceView } from '../../../electron/core/lifecycle';
import { parseProfile } from '../../../electron/core/settings/profile';
import { DEMO_API_KEY, LIMITED_API_KEY, SEED_STATES } from '../../../electron/sandbox/seed';
import type { InvoiceView } from '../../../electron/sandbox/uapay';
import { kopiyky, listAllOrders, seeded, type WireOrder } from './support';

const HOUR = 3_600_000;
const HOLD_MS = 168 * HOUR;

/**
 * What UAPAY must say for each RetailCRM status the seed writes, written out independently of the
 * seed: the pair of the invoice's relevant payment (none for a link not yet paid).
 */
const EXPECTED_PAIR: Record<string, [string, string] | 'no payment'> = {
  'uapay-link-sent': 'no payment',
  'uapay-held': ['PAID', 'HOLDED'],
  'uapay-paid': ['FINISHED', 'FINISHED'],
  'uapay-failed': ['CANCELED', 'REJECTED'],
  'uapay-rejected': ['CANCELED', 'CANCELED'],
  'uapay-expired': ['CANCELED', 'CANCELED'],
  'uapay-refunded': ['REVERSED', 'REVERSED'],
  'uapay-partially-refunded': ['FINISHED', 'RETURNED'],
};

function lifecycleView(invoice: InvoiceView): UapayInvoiceView {
  return {
    invoiceStatus: invoice.invoiceStatus,
    payments: invoice.payments.map((payment) => ({
      paymentId: payment.paymentId,
      status: payment.status,
      paymentStatus: payment.paymentStatus,
      amount: payment.amount,
      createdAt: payment.createdAt ? new Date(payment.createdAt) : undefined,
    })),
  };
}

/** What does not depend on the run: the data the seed chose (not UAPAY's UUIDs or dates counted from now). */
function projection(orders: WireOrder[], invoice: (id: string) => InvoiceView | undefined) {
  return orders.map((order) => ({
    number: order.number,
    site: order.site,
    status: order.status,
    totalSumm: order.totalSumm,
    customer: [order.lastName, order.firstName, order.email, order.phone],
    items: order.items.map((item: WireOrder) => [item.productName, item.quantity, item.initialPrice]),
    payments: Object.values(order.payments as Record<string, WireOrder>).map((payment) => {
      const view = payment.externalId ? invoice(payment.externalId) : undefined;
      return [
        payment.type,
        payment.status,
        payment.amount,
        view && [
          view.type,
          view.amount,
          view.externalId,
          view.payments.map((p) => [p.status, p.paymentStatus, p.amount]),
        ],
      ];
    }),
  }));
}

describe('seed: the Demo data in both fakes', () => {
  it('gives every seeded payment a UAPAY invoice whose state, link and amounts match RetailCRM', async () => {
    const { uapay, crmUrl, uapayUrl, result, clock } = await seeded({ size: 300, seed: 5 });
    const orders = await listAllOrders(crmUrl, DEMO_API_KEY);
    expect(orders).toHaveLength(300);
    const seen: Record<string, number> = {};
    let uapayPayments = 0;
    for (const order of orders) {
      for (const payment of Object.values(order.payments as Record<string, WireOrder>)) {
        if (!payment.type.startsWith('uapay-')) {
          expect(payment.externalId).toBeUndefined();
          continue;
        }
        seen[payment.status] = (seen[payment.status] ?? 0) + 1;
        uapayPayments++;
        const amount = kopiyky(payment.amount);
        if (payment.status === 'not-paid') {
          expect(payment.externalId).toBeUndefined();
          expect(payment.comment).toBeUndefined();
          continue;
        }
        const invoice = uapay.state.invoice(payment.externalId)!;
        expect(invoice, payment.externalId).toBeDefined();
        expect(invoice.externalId).toBe(order.number);
        expect(invoice.amount).toBe(kopiyky(order.totalSumm));
        expect(invoice.type).toBe(payment.type === 'uapay-manual' ? 'HOLD' : 'PAY');
        expect(payment.comment.split('\n')[0]).toBe(`UAPAY: ${uapayUrl}/payment/${invoice.id}`);

        const expected = EXPECTED_PAIR[payment.status];
        const last = invoice.payments.at(-1);
        if (expected === 'no payment') {
          expect(invoice.payments).toEqual([]);
          expect(invoice.invoiceStatus).toBe('ACTIVE');
          expect(amount).toBe(invoice.amount);
        } else {
          expect([last?.status, last?.paymentStatus], `${order.number} ${payment.status}`).toEqual(expected);
        }
        if (payment.status === 'uapay-paid' || payment.status === 'uapay-refunded')
          expect(amount).toBe(last!.amount);
        if (payment.status === 'uapay-partially-refunded') {
          expect(amount).toBeGreaterThan(0);
          expect(amount).toBeLessThan(last!.amount);
        }
        if (['uapay-paid', 'uapay-partially-refunded', 'uapay-refunded'].includes(payment.status)) {
          expect(payment.paidAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        } else {
          expect(payment.paidAt).toBeUndefined();
        }
        // The app's own lifecycle reads the same state from UAPAY as RetailCRM records.
        const mapping = result.profile.settings.statusMapping;
        const recorded = stateForCrmStatus(payment.status, mapping);
        const derived = deriveState({
          invoice: lifecycleView(invoice),
          previous: recorded,
          holdLifetimeMs: HOLD_MS,
          now: clock.date(),
        });
        expect(derived.state, `${order.number} ${payment.status}`).toBe(recorded);
      }
    }
    for (const state of SEED_STATES) {
      const code = result.profile.settings.statusMapping[state];
      expect(seen[code], code).toBe(result.counts[state]);
    }
    expect(uapayPayments).toBe(300 - result.counts.other);
  });

  it('back-dates holds so some end within a day and are released when the clock passes them', async () => {
    const { uapay, result } = await seeded({ size: 300, seed: 5 });
    expect(result.holdsExpiringWithinDay).toBeGreaterThan(0);
    const holds = () =>
      uapay.state.invoices().filter((invoice) => invoice.payments.at(-1)?.paymentStatus === 'HOLDED').length;
    expect(holds()).toBe(result.counts.held);
    uapay.control.advanceClock(24 * HOUR);
    expect(holds()).toBe(result.counts.held - result.holdsExpiringWithinDay);
    expect(uapay.control.callbacks()).toEqual([]); // seeded invoices have no callbackUrl
  });

  it('is deterministic: the same seed gives the same orders, numbers and amounts; another seed does not', async () => {
    const read = async (seed: number) => {
      const { crmUrl, uapay } = await seeded({ size: 150, seed });
      return projection(await listAllOrders(crmUrl, DEMO_API_KEY), (id) => uapay.state.invoice(id));
    };
    const first = await read(77);
    expect(await read(77)).toEqual(first);
    expect(await read(78)).not.toEqual(first);
  });

  it("hands out a team profile the app's own parser accepts, naming statuses and types that exist", async () => {
    const { crmUrl, result } = await seeded({ size: 20 });
    const settings = parseProfile(JSON.stringify(result.profile));
    expect(settings.retailCrm).toEqual({ url: crmUrl, siteCodes: [] });
    expect(
      settings.merchants.map((merchant) => [merchant.confirmManually, merchant.paymentTypeCode]),
    ).toEqual([
      [true, 'uapay-manual'],
      [false, 'uapay-auto'],
    ]);
    for (const merchant of settings.merchants)
      expect(result.secrets.merchantKeys[merchant.id]).toMatch(/\S{20,}/);
    expect(result.secrets.retailCrmApiKey).toBe(DEMO_API_KEY);

    const get = async (path: string, key = DEMO_API_KEY) =>
      (await fetch(`${crmUrl}${path}`, { headers: { 'X-API-KEY': key } })).json() as Promise<WireOrder>;
    const { paymentStatuses } = await get('/api/v5/reference/payment-statuses');
    for (const code of Object.values(settings.statusMapping))
      expect(paymentStatuses[code!], code).toBeDefined();
    const complete = Object.keys(paymentStatuses).filter((code) => paymentStatuses[code].paymentComplete);
    expect(complete.sort()).toEqual(['paid', 'uapay-paid', 'uapay-partially-refunded']);
    expect(Object.keys((await get('/api/v5/reference/payment-types')).paymentTypes).sort()).toEqual([
      'bank-card',
      'cash',
      'credit',
      'uapay-auto',
      'uapay-manual',
    ]);
    const { currencies } = await get('/api/v5/reference/currencies');
    expect(currencies).toEqual([expect.objectContaining({ code: 'UAH', isBase: true })]);
    expect(Object.keys((await get('/api/v5/reference/sites')).sites)).toEqual(['demo-shop', 'demo-outlet']);
    const limited = await get('/api/credentials', LIMITED_API_KEY);
    expect(limited.scopes).not.toContain('order_write');
    expect(limited.scopes).not.toContain('reference_write');
    expect(limited.scopes).toContain('order_read');
  });

  it('seeds 20,000 orders in a few seconds, and a client can list them page by page', async () => {
    // Seeding is synchronous and CPU-bound: its CPU time is what "a few seconds" means, whatever
    // else the (shared, two-core) machine runs meanwhile; the wall-clock bound only catches a hang.
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { crmUrl, result } = await seeded({ size: 20_000, seed: 3 });
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1_000).toBeLessThan(15_000);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(result.customers).toBe(8_000);
    const orders = await listAllOrders(crmUrl, DEMO_API_KEY);
    expect(orders).toHaveLength(20_000);
    expect(new Set(orders.map((order) => order.number)).size).toBe(20_000);
    expect(orders[0].id).toBe(20_000);
    expect(orders.at(-1).id).toBe(1);
  }, 60_000);

  it('sets up the account without customers or orders for size 0', async () => {
    const { crmUrl, uapay, result } = await seeded({ size: 0 });
    expect(await listAllOrders(crmUrl, DEMO_API_KEY)).toEqual([]);
    expect(result.customers).toBe(0);
    expect(uapay.state.merchants().map((merchant) => merchant.clientId)).toEqual(['8001', '8002']);
  });
});
