/**
 * Writes a plan into both fakes through their library APIs, UAPAY first so each RetailCRM payment
 * can carry its invoice: externalId = the invoice id, comment = `UAPAY: <paymentPageUrl>` (the
 * app reads this prefix), status = the lifecycle state's code, amount in kopiyky. UAPAY history is
 * back-dated (`at`) and silent (`notify: false`); captures, cancels and refunds happen at seeding
 * time, as the fake has no back-dating for them.
 */
import type { RetailCrmState } from '../retailcrm';
import type { InvoiceInput, UapayFakeState } from '../uapay';
import { AUTO_MERCHANT, MANUAL_MERCHANT, SITES, STATUS_MAPPING } from './account';
import type { OrderKind, OrderPlan, SeedPlan } from './plan';
import type { ZonedTime } from '../zonedTime';

export interface ApplyContext {
  crm: RetailCrmState;
  uapay: UapayFakeState;
  /** Sandbox time the plan's ages count back from. */
  now: number;
  payLinkLifetimeMs: number;
  /** Set on every seeded invoice (e.g. Demo mode's callback receiver); none by default. */
  callbackUrl?: string;
  /** RetailCRM dates are the account's wall-clock time (given as text: Intl per date is too slow). */
  crmTime: ZonedTime;
  /** UAPAY's `payExpiresAt` zone (PAY_EXPIRES_AT_TIME_ZONE). */
  payExpiresAtTime: ZonedTime;
}

/** The RetailCRM order status that goes with each kind (codes of a stock RetailCRM account). */
function orderStatus(plan: OrderPlan): string {
  const old = plan.ageMs > 5 * 24 * 3_600_000;
  switch (plan.kind) {
    case 'no_link':
      return 'new';
    case 'link_sent':
      return 'client-confirmed';
    case 'held':
      return 'availability-confirmed';
    case 'paid':
      return old ? 'complete' : 'assembling';
    case 'partially_refunded':
      return 'complete';
    case 'refunded':
      return 'return';
    case 'failed':
      return 'new';
    case 'rejected':
      return 'no-product';
    case 'expired':
      return 'cancel-other';
    case 'other':
      return old ? 'complete' : 'new';
  }
}

type CrmPayment = {
  type: string;
  status?: string;
  amount: number;
  /** Account time, "Y-m-d H:i:s". */
  paidAt?: string;
  externalId?: string;
  comment?: string;
};

/** Returns each customer's RetailCRM id, in plan order. */
export function addCustomers(context: ApplyContext, plan: SeedPlan): number[] {
  // A customer registered an hour before their first order.
  const oldestAge = new Array<number>(plan.customers.length).fill(0);
  for (const order of plan.orders)
    oldestAge[order.customer] = Math.max(oldestAge[order.customer]!, order.ageMs);
  return plan.customers.map((person, index) => {
    const customer = context.crm.addCustomer({
      site: person.site,
      externalId: `demo-customer-${index + 1}`,
      createdAt: context.crmTime.print(context.now - oldestAge[index]! - 3_600_000),
      firstName: person.firstName,
      lastName: person.lastName,
      patronymic: person.patronymic,
      email: person.email,
      phones: [person.phone],
    });
    return customer.id;
  });
}

/** Returns the order's number. */
export function addOrder(
  context: ApplyContext,
  plan: SeedPlan,
  order: OrderPlan,
  customerIds: number[],
): string {
  const { crm } = context;
  const createdAt = context.now - order.ageMs;
  const number = `${crm.orders.nextId()}A`;
  const person = plan.customers[order.customer]!;
  const payment =
    order.kind === 'other'
      ? otherPayment(order, createdAt, context.crmTime)
      : uapayPayment(context, order, { number, createdAt, email: person.email });
  const fullPaidAt = payment?.paidAt;
  crm.addOrder({
    site: order.site,
    number,
    externalId: `demo-order-${number}`,
    status: orderStatus(order),
    orderType: 'eshop-individual',
    orderMethod: 'shopping-cart',
    createdAt: context.crmTime.print(createdAt),
    customerId: customerIds[order.customer],
    items: order.items,
    payments: payment ? [payment] : [],
    ...(fullPaidAt && { fullPaidAt }),
  });
  return number;
}

function otherPayment(order: OrderPlan, createdAt: number, time: ZonedTime): CrmPayment | undefined {
  const day = 24 * 3_600_000;
  const { total: amount, ageMs } = order;
  const paidAfter = (type: string, ms: number): CrmPayment => ({
    type,
    status: 'paid',
    amount,
    paidAt: time.print(createdAt + ms),
  });
  switch (order.otherPayment) {
    case 'cash':
      // Paid on delivery, a few days after the order.
      return ageMs > 3 * day ? paidAfter('cash', 3 * day) : { type: 'cash', status: 'not-paid', amount };
    case 'bank-card':
      return paidAfter('bank-card', 30 * 60_000);
    case 'credit':
      return ageMs > 7 * day
        ? paidAfter('credit', 2 * day)
        : { type: 'credit', status: 'credit-check', amount };
    case 'none':
    case undefined:
      return undefined;
  }
}

function uapayPayment(
  context: ApplyContext,
  order: OrderPlan,
  facts: { number: string; createdAt: number; email: string },
): CrmPayment {
  const merchant = order.merchant === 'manual' ? MANUAL_MERCHANT : AUTO_MERCHANT;
  const kind = order.kind as Exclude<OrderKind, 'other'>;
  const payment: CrmPayment = {
    type: merchant.paymentTypeCode,
    status: STATUS_MAPPING[kind],
    amount: order.total,
  };
  if (kind === 'no_link' || order.linkAfterMs === undefined) return payment;

  const { uapay } = context;
  const linkAt = facts.createdAt + order.linkAfterMs;
  const site = SITES.find((candidate) => candidate.code === order.site)!;
  const input: InvoiceInput = {
    type: merchant.confirmManually ? 'HOLD' : 'PAY',
    amount: order.total,
    // reference §6.1: plugins use the shop's order number as externalId.
    externalId: facts.number,
    description: `Оплата замовлення №${facts.number} (${site.name})`,
    email: facts.email,
    redirectUrl: `${site.url}/orders/${facts.number}`,
    payExpiresAt: context.payExpiresAtTime.print(linkAt + context.payLinkLifetimeMs),
    ...(context.callbackUrl && { callbackUrl: context.callbackUrl }),
  };
  const invoice = uapay.createInvoice(merchant.clientId, input, { at: linkAt });
  payment.externalId = invoice.id;
  payment.comment = `UAPAY: ${invoice.paymentPageUrl}`;
  if (order.payAfterMs === undefined) return payment;

  const attemptAt = linkAt + order.payAfterMs;
  const card = kind === 'failed' ? 'decline' : 'success';
  const { paymentId } = uapay.pay(invoice.id, { card, at: attemptAt, notify: false });

  if (kind === 'rejected') uapay.actAsOtherParty({ action: 'cancel', paymentId, notify: false });
  if (kind !== 'paid' && kind !== 'partially_refunded' && kind !== 'refunded') return payment;

  const captured = order.captureAmount ?? order.total;
  if (merchant.confirmManually) {
    uapay.actAsOtherParty({ action: 'complete', paymentId, amount: order.captureAmount, notify: false });
  }
  payment.amount = captured;
  payment.paidAt = context.crmTime.print(attemptAt + (order.captureAfterMs ?? 0));
  if (kind === 'partially_refunded') {
    uapay.actAsOtherParty({ action: 'reverse', paymentId, amount: order.refundAmount, notify: false });
    // What the shop keeps; the status still counts as paid (paymentComplete).
    payment.amount = captured - order.refundAmount!;
  }
  // A full refund changes only the status (the module guide: "the payment status changes to Refunded").
  if (kind === 'refunded') uapay.actAsOtherParty({ action: 'reverse', paymentId, notify: false });
  return payment;
}
