/**
 * Orders in RetailCRM's wire shape (reference §3.3): amounts as hryvnia numbers, `payments` as an object keyed
 * by payment id (`{}` when empty), empty fields omitted, `customFields` as `[]` when empty (as in the real
 * answer quoted in §3.3).
 */
import type { Customer, Order, Payment } from './model';
import { toHryvnias } from './money';
import { omitEmpty, type Json } from './wire';

export interface OrderViewSource {
  paymentsOf(order: Order): Payment[];
  customer(id: number): Customer | undefined;
}

function renderPayment(payment: Payment): Json {
  return omitEmpty({
    id: payment.id,
    status: payment.status,
    type: payment.type,
    externalId: payment.externalId,
    amount: toHryvnias(payment.amount),
    paidAt: payment.paidAt,
    comment: payment.comment,
  });
}

export function renderCustomer(customer: Customer): Json {
  return omitEmpty({
    type: 'customer',
    id: customer.id,
    externalId: customer.externalId,
    site: customer.site,
    createdAt: customer.createdAt,
    firstName: customer.firstName,
    lastName: customer.lastName,
    patronymic: customer.patronymic,
    email: customer.email,
    phones: customer.phones.map((number) => ({ number })),
  });
}

/** GET /orders and GET /orders/{id}: payments keyed by id. */
export function renderOrder(order: Order, source: OrderViewSource): Json {
  const payments: Json = {};
  for (const payment of source.paymentsOf(order)) payments[String(payment.id)] = renderPayment(payment);
  return orderFields(order, source, payments);
}

/**
 * The full snapshot on a `created` history record. Reference §10.3: in every fixture record its `payments`
 * was a JSON array, unlike the keyed object of GET /orders; the fake reproduces that difference.
 */
export function renderOrderSnapshot(order: Order, source: OrderViewSource): Json {
  return orderFields(order, source, source.paymentsOf(order).map(renderPayment));
}

/** Ordinary history records carry `{id, externalId?, managerId?, site, status}`, without `number` (§10.3). */
export function compactOrder(order: Order): Json {
  return omitEmpty({
    id: order.id,
    externalId: order.externalId,
    managerId: order.managerId,
    site: order.site,
    status: order.status,
  });
}

function orderFields(order: Order, source: OrderViewSource, payments: unknown): Json {
  const customer = order.customerId === undefined ? undefined : source.customer(order.customerId);
  return omitEmpty({
    id: order.id,
    number: order.number,
    externalId: order.externalId,
    orderType: order.orderType,
    orderMethod: order.orderMethod,
    site: order.site,
    status: order.status,
    createdAt: order.createdAt,
    statusUpdatedAt: order.statusUpdatedAt,
    currency: order.currency,
    summ: toHryvnias(order.summ),
    totalSumm: toHryvnias(order.totalSumm),
    prepaySum: toHryvnias(order.prepaySum),
    purchaseSumm: toHryvnias(order.purchaseSumm),
    fullPaidAt: order.fullPaidAt,
    firstName: order.firstName,
    lastName: order.lastName,
    patronymic: order.patronymic,
    email: order.email,
    phone: order.phone,
    managerId: order.managerId,
    customerComment: order.customerComment,
    managerComment: order.managerComment,
    customer: customer && renderCustomer(customer),
    items: order.items.map((item) => ({
      id: item.id,
      productName: item.productName,
      quantity: item.quantity,
      initialPrice: toHryvnias(item.initialPrice),
    })),
    customFields: [],
    payments,
  });
}
