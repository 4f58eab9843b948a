/**
 * The public shapes: invoices/show (§3.3), payments/show (§3.5), show/list items (§3.4) and the
 * callback payload (§5). Fields the fake cannot know meaningfully are null rather than invented.
 * The readings that shape replies act here: `reversedAt`, `paymentsOrder`, `partialCaptureAmount`,
 * `showList` and `extraInfo` (statuses.ts gives the pairs).
 */
import type { Json } from './fields';
import { invoiceStatus } from './invoices';
import type { InvoiceRecord, InvoiceType, PaymentRecord, Store } from './state';
import { statusOf, type InvoiceStatus, type PaymentStatus, type ProcessingStatus } from './statuses';
import { isoTime } from './time';

/** §6.3: where a currency appears it is numeric ISO 4217. */
const UAH = 980;

export function paymentPageUrl(origin: string, invoiceId: string): string {
  return `${origin}/payment/${invoiceId}`;
}

export function paymentPageQrUrl(origin: string, invoiceId: string): string {
  return `${origin}/payment/${invoiceId}/qr`;
}

/** §3.5 example: chequeLink = api.uapay.ua/api/receipts/<paymentId>. */
function chequeLink(origin: string, paymentId: string): string {
  return `${origin}/api/receipts/${paymentId}`;
}

/** §3.3 types clientId as an integer; our client ids are strings, so digits become a number. */
function publicClientId(clientId: string): string | number {
  return /^\d{1,15}$/.test(clientId) ? Number(clientId) : clientId;
}

function time(ms: number | undefined): string | null {
  return ms === undefined ? null : isoTime(ms);
}

export interface PaymentView {
  invoiceId: string;
  paymentId: string;
  number: number;
  receiptId: string;
  clientId: string | number;
  systemType: 'ECOM';
  /**
   * Kopiyky: the authorised amount, then the captured amount after payments/complete (or still the
   * authorised one under `partialCaptureAmount: 'authorised'`).
   */
  amount: number;
  commission: number;
  currency: number;
  email: string | null;
  status: PaymentStatus;
  paymentStatus: ProcessingStatus;
  cardFromId: string;
  cardFromMasked: string;
  cardToId: null;
  cardToMasked: null;
  chequeLink: string;
  createdAt: string | null;
  updatedAt: string | null;
  paidAt: string | null;
  /** Absent from invoices/show payments unless `reversedAt: 'everywhere'`; null on payments/show under `nowhere`. */
  reversedAt?: string | null;
}

/** A show/list item under `showList: 'summary'`: the fields §3.4 lists before its truncation. */
export interface InvoiceSummaryView {
  id: string;
  externalId: string;
  invoiceNumber: number;
  clientId: string | number;
  systemType: 'ECOM';
  amount: number;
  reusability: false;
  description: string;
  invoiceStatus: InvoiceStatus;
}

export interface InvoiceView extends InvoiceSummaryView {
  redirectUrl: string | null;
  callbackUrl: string | null;
  createdAt: string;
  type: InvoiceType;
  email: string | null;
  /** An object (§3.3), or the JSON string as sent under `extraInfo: 'string'`; null when none was sent. */
  extraInfo: unknown;
  serviceData: unknown[];
  payments: PaymentView[];
}

/** Which reply a payment is shown in (`reversedAt` differs). */
export type PaymentReply = 'payments/show' | 'invoices/show';

/** The amount a payment shows (§3.7, §8.7: after a partial capture, captured or still authorised). */
function publicAmount(store: Store, payment: PaymentRecord): number {
  return payment.phase === 'captured' && store.readings.partialCaptureAmount === 'authorised'
    ? payment.authorisedAmount
    : payment.amount;
}

export function paymentView(
  store: Store,
  payment: PaymentRecord,
  invoice: InvoiceRecord,
  origin: string,
  reply: PaymentReply,
): PaymentView {
  const { reversedAt: where } = store.readings;
  const view: PaymentView = {
    invoiceId: payment.invoiceId,
    paymentId: payment.paymentId,
    number: payment.number,
    receiptId: payment.receiptId,
    clientId: publicClientId(payment.clientId),
    systemType: invoice.systemType,
    amount: publicAmount(store, payment),
    commission: 0,
    currency: UAH,
    email: invoice.email ?? null,
    ...statusOf(payment, store.readings),
    cardFromId: payment.cardFromId,
    cardFromMasked: payment.cardFromMasked,
    cardToId: null,
    cardToMasked: null,
    chequeLink: chequeLink(origin, payment.paymentId),
    createdAt: time(payment.createdAt),
    updatedAt: time(payment.updatedAt),
    paidAt: time(payment.paidAt),
  };
  if (where === 'everywhere' || (reply === 'payments/show' && where === 'payments/show')) {
    view.reversedAt = time(payment.reversedAt);
  } else if (reply === 'payments/show') {
    view.reversedAt = null;
  }
  return view;
}

export function invoiceSummaryView(store: Store, invoice: InvoiceRecord): InvoiceSummaryView {
  return {
    id: invoice.id,
    externalId: invoice.externalId,
    invoiceNumber: invoice.invoiceNumber,
    clientId: publicClientId(invoice.clientId),
    systemType: invoice.systemType,
    amount: invoice.amount,
    reusability: false,
    description: invoice.description,
    invoiceStatus: invoiceStatus(store, invoice),
  };
}

/**
 * invoices/show, and each show/list item under `showList: 'full'`. UNCERTAIN: the order of
 * `payments[]` (reading `paymentsOrder`; the plugins read payments[0], which only works while there
 * is one attempt — a client must not rely on it).
 */
export function invoiceView(store: Store, invoice: InvoiceRecord, origin: string): InvoiceView {
  const payments = invoice.paymentIds.flatMap((id) => {
    const payment = store.payments.get(id);
    return payment ? [paymentView(store, payment, invoice, origin, 'invoices/show')] : [];
  });
  if (store.readings.paymentsOrder === 'newest-first') payments.reverse();
  return {
    ...invoiceSummaryView(store, invoice),
    redirectUrl: invoice.redirectUrl ?? null,
    callbackUrl: invoice.callbackUrl ?? null,
    createdAt: isoTime(invoice.createdAt),
    type: invoice.type,
    email: invoice.email ?? null,
    // §3.3: extraInfo is an object in this reply (a JSON string on create and in callbacks).
    extraInfo:
      invoice.extraInfo === undefined
        ? null
        : store.readings.extraInfo === 'string'
          ? invoice.extraInfo
          : (JSON.parse(invoice.extraInfo) as unknown),
    serviceData: [],
    payments,
  };
}

/** §5 [D14]: the callback token's payload, without `iat` (set at each delivery attempt). */
export function callbackPayload(store: Store, payment: PaymentRecord, invoice: InvoiceRecord): Json {
  const { status, paymentStatus } = statusOf(payment, store.readings);
  return {
    paymentId: payment.paymentId,
    invoiceId: invoice.id,
    externalId: invoice.externalId,
    paymentNumber: payment.number,
    cardFromMasked: payment.cardFromMasked,
    cardToMasked: null,
    amount: publicAmount(store, payment),
    status,
    type: invoice.type,
    systemType: invoice.systemType,
    paymentStatus,
    extraInfo: invoice.extraInfo ?? null,
    createDate: isoTime(payment.createdAt),
    payDate: time(payment.paidAt),
  };
}
