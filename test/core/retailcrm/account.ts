/**
 * A RetailCRM account on the fake, on a random loopback port, for the client and setup tests: a UAH
 * base currency, two stores, a full key, a key per missing right. `fresh` leaves out the payment
 * statuses and types, as a new account that never had a payment module.
 */
import { afterEach } from 'vitest';
import {
  createRetailCrmFake,
  type RetailCrmFake,
  type RetailCrmFakeOptions,
} from '../../../electron/sandbox/retailcrm';

export const FULL_KEY = 'crm-full-key-0001';
/** Reads orders and reference books only: no payment writes, no reference edits, no customers. */
export const READ_ONLY_KEY = 'crm-read-only-key-0002';
/** Sees only the store `shop-b`. */
export const SHOP_B_KEY = 'crm-shop-b-key-0003';

export interface Account {
  fake: RetailCrmFake;
  /** The account's origin, e.g. http://127.0.0.1:41234 (what a manager types as the address in tests). */
  url: string;
}

const running: RetailCrmFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

export async function startAccount(
  options: RetailCrmFakeOptions & { fresh?: boolean; baseCurrency?: string } = {},
): Promise<Account> {
  const { fresh = false, baseCurrency = 'UAH', ...fakeOptions } = options;
  const fake = createRetailCrmFake({ rateLimitPerSecond: 0, ...fakeOptions });
  running.push(fake);
  const { state } = fake;
  state.addCurrency({ code: baseCurrency, isBase: true });
  if (baseCurrency !== 'UAH') state.addCurrency({ code: 'UAH' });
  state.addSite({ code: 'shop-a', name: 'Квіти А' });
  state.addSite({ code: 'shop-b', name: 'Shop B' });
  if (!fresh) {
    state.putPaymentStatus({ code: 'not-paid', name: 'Не оплачено', defaultForApi: true, ordering: 10 });
    state.putPaymentStatus({ code: 'paid', name: 'Оплачено', paymentComplete: true, ordering: 60 });
    state.putPaymentStatus({ code: 'refunded', name: 'Повернено', ordering: 70 });
    state.putPaymentType({ code: 'bank-card', name: 'Картка', paymentStatuses: ['not-paid', 'paid'] });
    state.putPaymentType({ code: 'cash', name: 'Готівка', paymentStatuses: ['not-paid', 'paid'] });
  }
  state.addApiKey({ key: FULL_KEY });
  state.addApiKey({ key: READ_ONLY_KEY, scopes: ['order_read', 'reference_read'] });
  state.addApiKey({
    key: SHOP_B_KEY,
    scopes: ['order_read', 'order_write', 'reference_read', 'reference_write', 'customer_read'],
    sites: ['shop-b'],
  });
  return { fake, url: await fake.listen() };
}
