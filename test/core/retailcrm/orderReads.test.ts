import { describe, expect, it } from 'vitest';
import { RetailCrmApi } from '../../../electron/core/retailcrm/api';
import { RetailCrmClient } from '../../../electron/core/retailcrm/client';
import { kopiyky } from '../../../electron/shared/money';
import { FULL_KEY, startAccount } from './account';

function api(url: string): RetailCrmApi {
  return new RetailCrmApi(
    new RetailCrmClient({ origin: url, apiKey: FULL_KEY, backoffMs: 5, timeoutMs: 2_000 }),
  );
}

describe('reading single orders', () => {
  it('answers reads made at the same moment with one list request, each with its own order', async () => {
    const { url, fake } = await startAccount();
    const ids = [1, 2, 3].map(
      (n) => fake.state.addOrder({ site: 'shop-a', number: `R${n}`, totalSumm: kopiyky(n * 100) }).id,
    );
    fake.control.resetCounts();
    const crm = api(url);
    const orders = await Promise.all([...ids, ids[0]!].map((id) => crm.order(id)));
    expect(orders.map((order) => order.number)).toEqual(['R1', 'R2', 'R3', 'R1']);
    expect(fake.control.callCount('orders').calls).toBe(1);
    expect(fake.control.callCount('orders/{externalId}').calls).toBe(0);
  });

  it('reads one order alone by its id, and says an order that is gone is not found', async () => {
    const { url, fake } = await startAccount();
    const { id } = fake.state.addOrder({ site: 'shop-a', number: 'R9', totalSumm: kopiyky(900) });
    fake.control.resetCounts();
    const crm = api(url);
    await expect(crm.order(id)).resolves.toMatchObject({ number: 'R9' });
    expect(fake.control.callCount('orders').calls).toBe(0);
    const [found, gone] = await Promise.allSettled([crm.order(id), crm.order(999_999)]);
    expect(found).toMatchObject({ status: 'fulfilled', value: { number: 'R9' } });
    expect(gone).toMatchObject({ status: 'rejected', reason: { info: { kind: 'retailcrm', status: 404 } } });
  });
});
