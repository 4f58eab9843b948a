/**
 * Which RetailCRM order and payment a UAPAY invoice belongs to. Every invoice the app makes
 * carries the order number in `externalId` (the first one the number itself, later ones
 * `<number>-<n>`, so each is unique should UAPAY refuse a repeated externalId — UNCERTAIN,
 * reference §6.1) and the RetailCRM ids in `extraInfo`. An invoice id in RetailCRM is only text a
 * person can edit: before money moves, the invoice itself must say it belongs here.
 */
import { RefusedError } from '../errors';
import type { UapayInvoice } from '../uapay/replies';

/** The externalId of the n-th invoice (1-based) made for an order. */
export function invoiceExternalId(orderNumber: string, n: number): string {
  return n <= 1 ? orderNumber : `${orderNumber}-${n}`;
}

/** Which invoice of the order an externalId names (1 = the first), or undefined if not this order's. */
export function attemptOf(externalId: string | undefined, orderNumber: string): number | undefined {
  if (externalId === undefined) return undefined;
  if (externalId === orderNumber) return 1;
  if (!externalId.startsWith(`${orderNumber}-`)) return undefined;
  const n = externalId.slice(orderNumber.length + 1);
  return /^[1-9]\d{0,3}$/.test(n) ? Number(n) : undefined;
}

/** How many invoice numbers past the highest one seen "Generate link" also asks for (another desktop's). */
export const EXTERNAL_ID_MARGIN = 2;

/** The externalIds of an order's invoices 1…upTo. */
export function externalIdsOf(orderNumber: string, upTo: number): string[] {
  const ids: string[] = [];
  for (let n = 1; n <= upTo; n++) ids.push(invoiceExternalId(orderNumber, n));
  return ids;
}

export interface BindingTarget {
  orderId: number;
  orderNumber: string;
  paymentId: number;
}

/** The RetailCRM ids the invoice's extraInfo names, when it names them. */
function boundIds(invoice: UapayInvoice): { orderId?: number; paymentId?: number } {
  const extra = invoice.extraInfo;
  const id = (value: unknown) => {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
  };
  const orderId = id(extra?.orderId);
  const paymentId = id(extra?.paymentId);
  return { ...(orderId && { orderId }), ...(paymentId && { paymentId }) };
}

/** Whether the invoice belongs to this payment (see checkBinding). */
export function belongsTo(invoice: UapayInvoice, target: BindingTarget): boolean {
  if (invoice.externalId !== undefined && attemptOf(invoice.externalId, target.orderNumber) === undefined)
    return false;
  const ids = boundIds(invoice);
  if (ids.orderId !== undefined || ids.paymentId !== undefined)
    return ids.orderId === target.orderId && ids.paymentId === target.paymentId;
  // An invoice made before the app (no extraInfo): its externalId must at least be this order's.
  return invoice.externalId !== undefined;
}

/** Refuses money on an invoice that is not this payment's. */
export function checkBinding(invoice: UapayInvoice, target: BindingTarget): void {
  if (belongsTo(invoice, target)) return;
  const ids = boundIds(invoice);
  const owner = ids.orderId ? `order ${ids.orderId}` : `"${invoice.externalId ?? '?'}"`;
  throw new RefusedError(
    'invoice_mismatch',
    `UAPAY invoice ${invoice.id} belongs to ${owner}, not to this payment of order ${target.orderNumber}. Check the payment's invoice id in RetailCRM.`,
  );
}
