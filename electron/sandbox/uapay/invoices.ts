/**
 * Invoices (reference §3.2–§3.4): PAY and HOLD, amounts in kopiyky, one-time (reusability=false).
 * An invoice is ACTIVE until an attempt is approved (a one-time invoice "can be paid only once",
 * §3.2 [D2]) or until `payExpiresAt` passes; a declined attempt leaves it ACTIVE unless the reading
 * `afterDecline` says INACTIVE. A used externalId is accepted unless `duplicateExternalId` refuses it.
 */
import { duplicateExternalIdError, ERROR_CODE, UapayApiError } from './errors';
import { FieldReader, type Json } from './fields';
import type { InvoiceRecord, InvoiceType, Store } from './state';
import type { InvoiceStatus } from './statuses';
import { parsePayExpiresAt } from './time';

/** The only kinds faked; P2P, SUBSCRIBE and reusable invoices are refused with FORMAT_ERROR. */
const SYSTEM_TYPES = ['ECOM'] as const;
const INVOICE_TYPES: readonly InvoiceType[] = ['PAY', 'HOLD'];

export interface InvoiceInput {
  type: InvoiceType;
  /** Kopiyky. UNCERTAIN deviation: the real API allows an "open amount" invoice; the fake requires one. */
  amount: number;
  externalId: string;
  description: string;
  redirectUrl?: string;
  callbackUrl?: string;
  email?: string;
  /** A JSON string, as on the wire. */
  extraInfo?: string;
  /** "YYYY-MM-DD HH:MM:SS" (see PAY_EXPIRES_AT_TIME_ZONE). */
  payExpiresAt?: string;
}

/** Reads invoices/create's `params.systemType` and `data.*`, collecting every problem (§3.2). */
export function readInvoiceRequest(reader: FieldReader): InvoiceInput {
  const systemType = reader.string('params', 'systemType', true);
  if (systemType !== undefined && !(SYSTEM_TYPES as readonly string[]).includes(systemType)) {
    reader.problem('params', 'systemType', 'INVALID');
  }
  const type = reader.string('data', 'type', true);
  if (type !== undefined && !(INVOICE_TYPES as readonly string[]).includes(type)) {
    reader.problem('data', 'type', 'INVALID');
  }
  const input = {
    type: type as InvoiceType,
    amount: reader.amount('data', 'amount', true) as number,
    externalId: reader.string('data', 'externalId', true),
    description: reader.string('data', 'description', true),
    redirectUrl: url(reader, 'redirectUrl'),
    callbackUrl: url(reader, 'callbackUrl'),
    email: reader.string('data', 'email'),
    extraInfo: reader.string('data', 'extraInfo'),
    payExpiresAt: reader.string('data', 'payExpiresAt'),
  };
  if (reader.boolean('data', 'reusability') === true) reader.problem('data', 'reusability', 'INVALID');
  if (input.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(input.email)) {
    reader.problem('data', 'email', 'INVALID');
  }
  if (input.extraInfo !== undefined && !isJsonText(input.extraInfo)) {
    reader.problem('data', 'extraInfo', 'INVALID');
  }
  if (input.payExpiresAt !== undefined && parsePayExpiresAt(input.payExpiresAt) === undefined) {
    reader.problem('data', 'payExpiresAt', 'INVALID');
  }
  reader.done();
  return input;
}

/** The library's way in (seed, Demo): the same checks as the HTTP method. */
export function validateInvoiceInput(input: InvoiceInput): InvoiceInput {
  return readInvoiceRequest(new FieldReader({ params: { systemType: 'ECOM' }, data: { ...input } as Json }));
}

export function createInvoice(
  store: Store,
  clientId: string,
  input: InvoiceInput,
  at?: number,
): InvoiceRecord {
  if (store.invoicesByExternalId(clientId, input.externalId).length > 0) {
    const refusal = duplicateExternalIdError(store.readings);
    if (refusal) throw refusal;
  }
  const invoice: InvoiceRecord = {
    id: store.newId(),
    invoiceNumber: store.nextInvoiceNumber(),
    clientId,
    systemType: 'ECOM',
    type: input.type,
    amount: input.amount,
    externalId: input.externalId,
    description: input.description,
    redirectUrl: input.redirectUrl,
    callbackUrl: input.callbackUrl,
    email: input.email,
    extraInfo: input.extraInfo,
    payExpiresAt: input.payExpiresAt,
    payExpiresAtMs: input.payExpiresAt === undefined ? undefined : parsePayExpiresAt(input.payExpiresAt),
    createdAt: at ?? store.clock.now(),
    paymentIds: [],
  };
  store.addInvoice(invoice);
  return invoice;
}

/** `at`: the moment asked about (a back-dated attempt is checked at its own time); default now. */
export function isExpired(store: Store, invoice: InvoiceRecord, at = store.clock.now()): boolean {
  return invoice.payExpiresAtMs !== undefined && at > invoice.payExpiresAtMs;
}

/** Under `afterDecline: 'INACTIVE'`, a declined attempt spends the one-time invoice. */
export function isClosedByDecline(store: Store, invoice: InvoiceRecord): boolean {
  return (
    store.readings.afterDecline === 'INACTIVE' &&
    invoice.paymentIds.some((id) => store.payments.get(id)?.phase === 'declined')
  );
}

export function invoiceStatus(store: Store, invoice: InvoiceRecord): InvoiceStatus {
  return invoice.usedAt === undefined && !isExpired(store, invoice) && !isClosedByDecline(store, invoice)
    ? 'ACTIVE'
    : 'INACTIVE';
}

/** Another merchant's invoice is "not found" for this one. */
export function findInvoice(store: Store, clientId: string, id: string): InvoiceRecord {
  const invoice = store.invoices.get(id);
  if (!invoice || invoice.clientId !== clientId) {
    throw new UapayApiError(ERROR_CODE.invoiceNotFound, 'Invoice not found');
  }
  return invoice;
}

function url(reader: FieldReader, name: string): string | undefined {
  const value = reader.string('data', name);
  if (value === undefined) return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {
    // falls through to INVALID
  }
  return reader.problem('data', name, 'INVALID');
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
