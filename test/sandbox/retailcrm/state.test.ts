import { afterEach, describe, expect, it } from 'vitest';
import { createRetailCrmFake, type RetailCrmFake } from '../../../electron/sandbox/retailcrm';
import { Http } from './support';

const started: RetailCrmFake[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

const ORDERS = 20_000;

describe('RetailCRM fake: state at Demo size', () => {
  it('seeds 20,000 orders and pages through all of them quickly', async () => {
    const fake = createRetailCrmFake({ rateLimitPerSecond: 0 });
    started.push(fake);
    const { state } = fake;
    const startedAt = performance.now();
    state.addCurrency({ code: 'UAH' });
    state.addSite({ code: 'a' });
    state.addSite({ code: 'b' });
    state.putPaymentStatus({ code: 'not-paid', name: 'Not paid', defaultForApi: true });
    state.putPaymentStatus({ code: 'paid', name: 'Paid', paymentComplete: true });
    state.putPaymentType({ code: 'uapay', name: 'UAPAY' });
    state.putPaymentType({ code: 'cash', name: 'Cash' });
    state.addApiKey({ key: 'k' });
    for (let index = 0; index < ORDERS; index++) {
      const customer = state.addCustomer({
        site: index % 2 ? 'b' : 'a',
        firstName: `Name${index}`,
        email: `c${index}@example.com`,
      });
      state.addOrder({
        site: customer.site,
        customerId: customer.id,
        createdAt: `2025-0${1 + (index % 9)}-1${index % 10} 10:00:00`,
        totalSumm: 10_000 + index,
        payments: [
          {
            type: index % 3 ? 'uapay' : 'cash',
            amount: 10_000 + index,
            status: index % 4 === 1 ? 'paid' : 'not-paid',
          },
        ],
      });
    }
    const seededMs = performance.now() - startedAt;

    const http = new Http(await fake.listen());
    const seen = new Set<number>();
    for (let page = 1; ; page++) {
      const reply = await http.get('/api/v5/orders', `limit=100&page=${page}`, 'k');
      for (const order of reply.body.orders) seen.add(order.id);
      if (page >= reply.body.pagination.totalPageCount) break;
    }
    const filtered = await http.get(
      '/api/v5/orders',
      'filter[paymentTypes][]=uapay&filter[paymentStatuses][]=paid&filter[sites][]=b&filter[createdAtFrom]=2025-03-01&limit=100',
      'k',
    );
    const elapsedMs = performance.now() - startedAt;

    expect(seen.size).toBe(ORDERS);
    expect(filtered.body.pagination.totalCount).toBeGreaterThan(0);
    for (const order of filtered.body.orders) {
      expect(order.site).toBe('b');
      expect(Object.values(order.payments)).toEqual([
        expect.objectContaining({ type: 'uapay', status: 'paid' }),
      ]);
    }
    expect(seededMs).toBeLessThan(5_000);
    expect(elapsedMs).toBeLessThan(10_000);
  }, 30_000);

  it('refuses an order whose payment names an unknown type, leaving nothing behind', () => {
    const fake = createRetailCrmFake();
    fake.state.addSite({ code: 'a' });
    fake.state.putPaymentType({ code: 'cash', name: 'Cash' });
    expect(() =>
      fake.state.addOrder({ totalSumm: 100, payments: [{ type: 'barter', amount: 100 }] }),
    ).toThrow(/Errors in the entity format/);
    expect(() => fake.state.addOrder({ totalSumm: 1.5 })).toThrow(RangeError);
    expect(fake.state.orders.size).toBe(0);
    expect(fake.state.lastHistoryId()).toBe(0);
    expect(fake.state.addOrder({ totalSumm: 100, payments: [{ type: 'cash' }] }).prepaySum).toBe(0);
  });
});
