/**
 * The public shapes: invoices/show (§3.3), payments/show (§3.5), show/list items (§3.4) and the
 * callback payload (§5). Fields the fake cannot know meaningfully are null rather than invented.
 */
import type { Json } from './fields';
import { invoiceStatus } from './invoices';
import type { InvoiceRecord, InvoiceType, PaymentRecord, Store } from './state';
import type { InvoiceStatus, PaymentStatus, ProcessingStatus } from './statuses';
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
export function chequeLink(origin: string, paymentId: string): string {
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
  /** Kopiyky: the authorised amount, or the captured amount after payments/complete. */
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
  reversedAt: string | null;
}

export interface InvoiceView {
  id: string;
  invoiceNumber: number;
  clientId: string | number;
  externalId: string;
  systemType: 'ECOM';
  amount: number;
  reusability: false;
  description: string;
  invoiceStatus: InvoiceStatus;
  redirectUrl: string | null;
  callbackUrl: string | null;
  createdAt: string;
  type: InvoiceType;
  email: string | null;
  extraInfo: unknown;
  serviceData: unknown[];
  payments: PaymentView[];
}

export function paymentView(payment: PaymentRecord, invoice: InvoiceRecord, origin: string): PaymentView {
  return {
    invoiceId: payment.invoiceId,
    paymentId: payment.paymentId,
    number: payment.number,
    receiptId: payment.receiptId,
    clientId: publicClientId(payment.clientId),
    systemType: invoice.systemType,
    amount: payment.amount,
    commission: 0,
    currency: UAH,
    email: invoice.email ?? null,
    status: payment.status,
    paymentStatus: payment.paymentStatus,
    cardFromId: payment.cardFromId,
    cardFromMasked: payment.cardFromMasked,
    cardToId: null,
    cardToMasked: null,
    chequeLink: chequeLink(origin, payment.paymentId),
    createdAt: time(payment.createdAt),
    updatedAt: time(payment.updatedAt),
    paidAt: time(payment.paidAt),
    reversedAt: time(payment.reversedAt),
  };
}

/**
 * invoices/show and each show/list item. UNCERTAIN: `payments[]` is oldest first (the plugins read
 * payments[0], which only works while there is one attempt — a client must not rely on it).
 */
export function invoiceView(store: Store, invoice: InvoiceRecord, origin: string): InvoiceView {
  return {
    id: invoice.id,
    invoiceNumber: invoice.invoiceNumber,
    clientId: publicClientId(invoice.clientId),
    externalId: invoice.externalId,
    systemType: invoice.systemType,
    amount: invoice.amount,
    reusability: false,
    description: invoice.description,
    invoiceStatus: invoiceStatus(store, invoice),
    redirectUrl: invoice.redirectUrl ?? null,
    callbackUrl: invoice.callbackUrl ?? null,
    createdAt: isoTime(invoice.createdAt),
    type: invoice.type,
    email: invoice.email ?? null,
    // §3.3: extraInfo is an object in this reply (a JSON string on create and in callbacks).
    extraInfo: invoice.extraInfo === undefined ? null : (JSON.parse(invoice.extraInfo) as unknown),
    serviceData: [],
    payments: invoice.paymentIds.flatMap((id) => {
      const payment = store.payments.get(id);
      return payment ? [paymentView(payment, invoice, origin)] : [];
    }),
  };
}

/** §5 [D14]: the callback token's payload, without `iat` (set at each delivery attempt). */
export function callbackPayload(payment: PaymentRecord, invoice: InvoiceRecord): Json {
  return {
    paymentId: payment.paymentId,
    invoiceId: invoice.id,
    externalId: invoice.externalId,
    paymentNumber: payment.number,
    cardFromMasked: payment.cardFromMasked,
    cardToMasked: null,
    amount: payment.amount,
    status: payment.status,
    type: invoice.type,
    systemType: invoice.systemType,
    paymentStatus: payment.paymentStatus,
    extraInfo: invoice.extraInfo ?? null,
    createDate: isoTime(payment.createdAt),
    payDate: time(payment.paidAt),
  };
}
