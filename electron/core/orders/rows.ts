/**
 * A RetailCRM order → the rows of the orders list: one per payment whose type is linked to one of
 * our merchants. The CRM side (number, customer, amounts, status, invoice id, link) is rebuilt from
 * every read; what only this desktop knows (UAPAY's facts, the last operation) is carried over
 * from the row it replaces.
 */
import type { LifecycleState } from '../../shared/lifecycle';
import { kopiyky } from '../../shared/money';
import type { OrderRow } from '../../shared/orders';
import type { Merchant, Settings, StatusMapping } from '../../shared/settings';
import { stateForCrmStatus } from '../lifecycle';
import { parseComment } from '../payments/comment';
import type { CrmCustomer, CrmOrder, CrmPayment } from '../retailcrm/types';
import { kyivDateTimeToIso } from '../kyivTime';

export type RowSettings = Pick<Settings, 'merchants' | 'statusMapping'> &
  Partial<Pick<Settings, 'retailCrm'>>;

export interface RowContext {
  /** Linked payment-type code → our merchant's id. */
  merchantOf: ReadonlyMap<string, string>;
  mapping: StatusMapping;
  /** The payment link to show for an invoice, from the comment's (untrusted) one (PaymentLinks). */
  link: LinkCheck;
  /** The stores chosen in setup; absent: every store the key can see. */
  sites?: ReadonlySet<string>;
}

/** The link to show for a payment's invoice, or undefined when the comment's link fails the checks. */
export type LinkCheck = (
  commentLink: string | undefined,
  invoiceId: string | undefined,
  merchantId: string | undefined,
) => string | undefined;

/** Checks a comment's link for an invoice of a merchant (PaymentLinks.forInvoice). */
export type LinkPolicy = (
  invoiceId: string,
  commentLink: string | undefined,
  merchant: Pick<Merchant, 'environment'> | undefined,
) => string | undefined;

/** Without a link policy, no link read from a comment is shown. */
const NO_LINKS: LinkPolicy = () => undefined;

export function rowContext(settings: RowSettings, policy: LinkPolicy = NO_LINKS): RowContext {
  const merchantOf = new Map<string, string>();
  const merchants = new Map<string, Merchant>();
  for (const merchant of settings.merchants) {
    merchants.set(merchant.id, merchant);
    if (merchant.paymentTypeCode) merchantOf.set(merchant.paymentTypeCode, merchant.id);
  }
  const link: LinkCheck = (commentLink, invoiceId, merchantId) =>
    invoiceId ? policy(invoiceId, commentLink, merchants.get(merchantId ?? '')) : undefined;
  const sites = settings.retailCrm?.siteCodes ?? [];
  return {
    merchantOf,
    mapping: settings.statusMapping,
    link,
    ...(sites.length > 0 && { sites: new Set(sites) }),
  };
}

/** A row (or an order) of a store the app works with: the list shows only the stores chosen in setup. */
export function inScope(site: string | undefined, context: Pick<RowContext, 'sites'>): boolean {
  return !context.sites || (site !== undefined && context.sites.has(site));
}

/**
 * What the RetailCRM status says, read back through the mapping. A payment without an invoice has
 * no link whatever its status; one with an invoice is at least "link sent". When several states
 * share a status code, the state we already knew stays if it maps to that code (status sync knew
 * better from UAPAY); otherwise the earliest state with that code (lifecycle.ts).
 */
function stateFor(
  payment: { crmStatus?: string; invoiceId?: string },
  mapping: StatusMapping,
  known?: LifecycleState,
): LifecycleState {
  if (!payment.invoiceId) return 'no_link';
  if (known && known !== 'no_link' && payment.crmStatus && mapping[known] === payment.crmStatus) return known;
  const state = stateForCrmStatus(payment.crmStatus, mapping);
  // An unmapped status on a payment that has an invoice: status sync asks UAPAY and corrects it.
  return state === undefined || state === 'no_link' ? 'link_sent' : state;
}

/** "Last first patronymic", as RetailCRM lists people. */
export function fullName(
  person: Pick<CrmCustomer, 'firstName' | 'lastName' | 'patronymic'> | undefined,
): string {
  if (!person) return '';
  return [person.lastName, person.firstName, person.patronymic]
    .filter((part): part is string => !!part?.trim())
    .map((part) => part.trim())
    .join(' ');
}

/** The order's own e-mail first, then the customer's (reference §6), without repeats. */
function emailsOf(order: CrmOrder): string[] {
  const out: string[] = [];
  for (const email of [order.email, order.customer?.email]) {
    const trimmed = email?.trim();
    if (trimmed && !out.some((e) => e.toLowerCase() === trimmed.toLowerCase())) out.push(trimmed);
  }
  return out;
}

/** The order's phone first, then the customer's, without repeats of the same digits. */
function phonesOf(order: CrmOrder): string[] {
  const out: string[] = [];
  const digits = (phone: string) => phone.replace(/\D/g, '');
  for (const phone of [order.phone, ...(order.customer?.phones ?? []).map((p) => p.number)]) {
    const trimmed = phone?.trim();
    if (trimmed && digits(trimmed) && !out.some((p) => digits(p) === digits(trimmed))) out.push(trimmed);
  }
  return out;
}

/** The rows of one order (none when no payment has a linked type). */
export function rowsOfOrder(
  order: CrmOrder,
  context: RowContext,
  previous: (paymentId: number) => OrderRow | undefined,
  now: Date,
): OrderRow[] {
  if (!inScope(order.site, context)) return [];
  const linked = order.payments.filter((p) => p.type !== undefined && context.merchantOf.has(p.type));
  if (linked.length === 0) return [];
  const shared = {
    orderId: order.id,
    orderNumber: order.number ?? String(order.id),
    site: order.site ?? '',
    createdAt: kyivDateTimeToIso(order.createdAt) ?? '',
    customerName: fullName(order) || fullName(order.customer),
    emails: emailsOf(order),
    phones: phonesOf(order),
    orderTotal: order.totalSumm ?? kopiyky(0),
    ...optional('orderPaid', order.prepaySum),
    ...optional('currency', order.currency),
  };
  return linked.map((payment) => paymentRow(payment, shared, context, previous(payment.id), now));
}

function paymentRow(
  payment: CrmPayment,
  shared: Pick<
    OrderRow,
    | 'orderId'
    | 'orderNumber'
    | 'site'
    | 'createdAt'
    | 'customerName'
    | 'emails'
    | 'phones'
    | 'orderTotal'
    | 'orderPaid'
    | 'currency'
  >,
  context: RowContext,
  before: OrderRow | undefined,
  now: Date,
): OrderRow {
  const type = payment.type!;
  const invoiceId = payment.externalId;
  const state = stateFor({ crmStatus: payment.status, invoiceId }, context.mapping, before?.state);
  const merchantId = context.merchantOf.get(type);
  const link = context.link(parseComment(payment.comment).link, invoiceId, merchantId);
  const paidAt = kyivDateTimeToIso(payment.paidAt);
  const stateChangedAt = before && before.state !== state ? now.toISOString() : before?.stateChangedAt;
  return {
    paymentId: payment.id,
    ...shared,
    amount: payment.amount ?? kopiyky(0),
    paymentType: type,
    ...optional('merchantId', merchantId),
    ...optional('crmStatus', payment.status),
    state,
    ...optional('invoiceId', invoiceId),
    ...optional('link', link),
    ...optional('comment', payment.comment),
    ...optional('paidAt', paidAt),
    ...optional('stateChangedAt', stateChangedAt),
    // UAPAY's facts belong to an invoice: a new invoice starts without them.
    ...optional('uapay', before?.invoiceId === invoiceId ? before?.uapay : undefined),
    ...optional('lastOperation', before?.lastOperation),
  };
}

/**
 * The row again under changed settings (mapping, merchants) without asking RetailCRM: the cache
 * keeps what the CRM said, so merchant and state are derived again from it.
 */
export function rederive(row: OrderRow, context: RowContext): OrderRow {
  const merchantId = context.merchantOf.get(row.paymentType);
  const state = stateFor(row, context.mapping, row.state);
  // A link cached by an earlier version passes today's checks too.
  const link = context.link(row.link, row.invoiceId, merchantId);
  if (merchantId === row.merchantId && state === row.state && link === row.link) return row;
  const next: OrderRow = { ...row, state };
  if (merchantId === undefined) delete next.merchantId;
  else next.merchantId = merchantId;
  if (link === undefined) delete next.link;
  else next.link = link;
  return next;
}

/** `{ key: value }` when the value is defined, else nothing (rows never hold `undefined`). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
