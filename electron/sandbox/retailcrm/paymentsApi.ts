/**
 * POST /api/v5/orders/payments/create, /{id}/edit and /{id}/delete (reference §4.1, §4.2): the entity arrives
 * as one form field `payment` holding JSON; amounts are hryvnias there and kopiyky inside.
 */
import { isObject, jsonField } from './encoding';
import { entityErrors, MESSAGE, notFound } from './errors';
import { apiActor, byParameter, canSee, ok, requestedSite, type Call, type Handlers } from './handler';
import type { Order, Payment } from './model';
import { parseHryvnias } from './money';
import type { PaymentChanges } from './payments';
import { isDateTime } from './time';
import type { Json } from './wire';

/** reference §4.1, from a Go fixture. */
const ORDER_REFERENCE_MISSING = 'Set one of the following fields: id, externalId, number';
/** UNCERTAIN: the real answer for an order reference that matches nothing is not in the sources. */
const ORDER_REFERENCE_NOT_FOUND = 'Order not found';
const PAYMENT_NOT_FOUND = 'Payment not found';

export const paymentHandlers: Handlers = {
  'orders/payments/create': (call) => {
    const json = jsonField(call.fields, 'payment');
    const site = requestedSite(call);
    const errors: Record<string, string> = {};
    const order = findOrder(call, json.order, site, errors);
    if (typeof json.type !== 'string' || json.type === '') errors.type = MESSAGE.blank;
    const changes = readChanges(json, errors);
    if (order && changes.type && !typeAllowedOn(call, changes.type, order)) errors.type = MESSAGE.invalid;
    if (!order || Object.keys(errors).length > 0) throw entityErrors(errors);
    const { paidAt, externalId, comment, ...rest } = changes;
    const payment = call.state.payments.create(
      {
        ...rest,
        type: changes.type!,
        orderId: order.id,
        paidAt: paidAt ?? undefined,
        externalId: externalId ?? undefined,
        comment: comment ?? undefined,
      },
      apiActor(call),
    );
    return ok({ id: payment.id }, 201);
  },

  'orders/payments/{id}/edit': (call) => {
    const by = byParameter(call, 'id');
    const json = jsonField(call.fields, 'payment');
    const payment = findPayment(call, by);
    const errors: Record<string, string> = {};
    const changes = readChanges(json, errors);
    const order = call.state.orders.get(payment.orderId)!;
    if (changes.type && !typeAllowedOn(call, changes.type, order)) errors.type = MESSAGE.invalid;
    if (Object.keys(errors).length > 0) throw entityErrors(errors);
    // reference §4.2 [I2]: a new externalId is applied only when the payment is addressed by id.
    if (by === 'externalId') delete changes.externalId;
    call.state.payments.edit(payment.id, changes, apiActor(call));
    return ok({ id: payment.id });
  },

  'orders/payments/{id}/delete': (call) => {
    const payment = findPayment(call, 'id');
    call.state.payments.delete(payment.id, apiActor(call));
    return ok({});
  },
};

function findPayment(call: Call, by: 'id' | 'externalId'): Payment {
  const site = requestedSite(call);
  const id = call.params.id ?? '';
  const { payments, orders } = call.state;
  const payment =
    by === 'id' ? (/^\d+$/.test(id) ? payments.get(Number(id)) : undefined) : payments.byExternalIdOf(id);
  const order = payment && orders.get(payment.orderId);
  if (!payment || !order || !canSee(call, order.site) || (site !== undefined && order.site !== site)) {
    throw notFound(PAYMENT_NOT_FOUND);
  }
  return payment;
}

/** `payment.order` is exactly one of `{id}`, `{externalId}`, `{number}` (reference §4.1). */
function findOrder(
  call: Call,
  reference: unknown,
  site: string | undefined,
  errors: Record<string, string>,
): Order | undefined {
  const { orders } = call.state;
  let order: Order | undefined;
  if (isObject(reference) && reference.id !== undefined) {
    order =
      typeof reference.id === 'number' || typeof reference.id === 'string'
        ? orders.get(Number(reference.id))
        : undefined;
  } else if (isObject(reference) && typeof reference.externalId === 'string') {
    order = orders.byExternalIdOf(reference.externalId);
  } else if (isObject(reference) && typeof reference.number === 'string') {
    order = orders.byNumberOf(reference.number);
  } else {
    errors.order = ORDER_REFERENCE_MISSING;
    return undefined;
  }
  if (!order || !canSee(call, order.site) || (site !== undefined && order.site !== site)) {
    errors.order = ORDER_REFERENCE_NOT_FOUND;
    return undefined;
  }
  return order;
}

/** The editable fields of a payment (reference §4.2); `null` or '' clears an optional one. */
function readChanges(json: Json, errors: Record<string, string>): PaymentChanges {
  const changes: PaymentChanges = {};
  const text = (name: string): string | null | undefined => {
    const value = json[name];
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string') errors[name] = MESSAGE.invalid;
    return typeof value === 'string' ? value : undefined;
  };
  const type = text('type');
  if (type) changes.type = type;
  const status = text('status');
  if (status) changes.status = status;
  if (json.amount !== undefined) {
    const amount = parseHryvnias(json.amount);
    if (amount === undefined) errors.amount = MESSAGE.invalid;
    else changes.amount = amount;
  }
  const paidAt = text('paidAt');
  if (paidAt && !isDateTime(paidAt)) errors.paidAt = MESSAGE.invalid;
  if (paidAt !== undefined) changes.paidAt = paidAt || null;
  for (const name of ['externalId', 'comment'] as const) {
    const value = text(name);
    if (value !== undefined) changes[name] = value || null;
  }
  return changes;
}

/** A payment type bound to stores may only be used on their orders (reference §5.1 `sites[]`). */
function typeAllowedOn(call: Call, type: string, order: Order): boolean {
  const paymentType = call.state.refs.paymentTypes.get(type);
  return !paymentType || paymentType.sites.length === 0 || paymentType.sites.includes(order.site);
}
