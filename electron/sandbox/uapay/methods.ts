/**
 * What each invoicer method does once the envelope is verified (reference §3). Each handler reads
 * its fields with a FieldReader (one FORMAT_ERROR listing every bad field) and returns the fields of
 * the reply token's payload.
 */
import type { FieldReader, Json } from './fields';
import { createInvoice, findInvoice, readInvoiceRequest } from './invoices';
import type { CallTarget, UapayMethod } from './methodNames';
import { cancelPayment, completePayment, findPayment, reversePayment } from './payments';
import { createSession } from './sessions';
import type { InvoiceRecord, Merchant, Store } from './state';
import { invoiceSummaryView, invoiceView, paymentPageQrUrl, paymentPageUrl, paymentView } from './views';

/** Documented (§3.4, §6.2): at most 100 ids per invoices/show/list request. */
export const SHOW_LIST_LIMIT = 100;

export interface MethodContext {
  store: Store;
  merchant: Merchant;
  origin: string;
  reader: FieldReader;
  /** The call's record: invoices/create adds the new invoice id, so calls can be counted per invoice. */
  target: CallTarget;
}

export interface MethodSpec {
  /** sessions/create is addressed by clientId; every other method by sessionId. */
  auth: 'client' | 'session';
  handle(context: MethodContext): Json;
}

export const METHODS: Record<UapayMethod, MethodSpec> = {
  'sessions/create': {
    auth: 'client',
    handle: ({ store, merchant }) => ({ id: createSession(store, merchant.clientId).id }),
  },

  'invoicer/invoices/create': {
    auth: 'session',
    handle: ({ store, merchant, origin, reader, target }) => {
      const invoice = createInvoice(store, merchant.clientId, readInvoiceRequest(reader));
      target.invoiceIds.push(invoice.id);
      return {
        id: invoice.id,
        paymentPageUrl: paymentPageUrl(origin, invoice.id),
        paymentPageUrlQR: paymentPageQrUrl(origin, invoice.id),
      };
    },
  },

  'invoicer/invoices/show': {
    auth: 'session',
    handle: ({ store, merchant, origin, reader }) => {
      const id = reader.string('params', 'id', true);
      reader.done();
      return { ...invoiceView(store, findInvoice(store, merchant.clientId, id), origin) };
    },
  },

  'invoicer/invoices/show/list': {
    auth: 'session',
    handle: ({ store, merchant, origin, reader }) => {
      const ids = reader.strings('params', 'ids');
      const externalIds = reader.strings('params', 'externalIds');
      // UNCERTAIN: the docs say "ids[] or externalIds[]"; the fake wants exactly one of them.
      if (ids === undefined && externalIds === undefined) {
        if (!reader.has('params', 'ids') && !reader.has('params', 'externalIds')) {
          reader.problem('params', 'ids', 'REQUIRED');
        }
      } else if (ids !== undefined && externalIds !== undefined) {
        reader.problem('params', 'externalIds', 'INVALID');
      }
      // UNCERTAIN: more than 100 is refused as INVALID (the docs give the limit, not the reply).
      if (ids && ids.length > SHOW_LIST_LIMIT) reader.problem('params', 'ids', 'INVALID');
      if (externalIds && externalIds.length > SHOW_LIST_LIMIT)
        reader.problem('params', 'externalIds', 'INVALID');
      reader.done();
      // UNCERTAIN: unknown ids are left out of the list rather than refused.
      const invoices = ids
        ? ids.flatMap((id) => {
            const invoice = store.invoices.get(id);
            return invoice && invoice.clientId === merchant.clientId ? [invoice] : [];
          })
        : (externalIds ?? []).flatMap((externalId) =>
            store.invoicesByExternalId(merchant.clientId, externalId),
          );
      // The reading `showList` (§3.4's field list is truncated): full items, or a summary.
      const item =
        store.readings.showList === 'summary'
          ? (invoice: InvoiceRecord) => invoiceSummaryView(store, invoice)
          : (invoice: InvoiceRecord) => invoiceView(store, invoice, origin);
      return { invoices: invoices.map(item) };
    },
  },

  'invoicer/payments/show': {
    auth: 'session',
    handle: ({ store, merchant, origin, reader }) => {
      const paymentId = reader.string('params', 'paymentId', true);
      reader.done();
      const payment = findPayment(store, merchant.clientId, paymentId);
      const invoice = findInvoice(store, merchant.clientId, payment.invoiceId);
      return { ...paymentView(store, payment, invoice, origin, 'payments/show') };
    },
  },

  'invoicer/payments/complete': {
    auth: 'session',
    handle: ({ store, merchant, reader }) => {
      const { paymentId, invoiceId } = readPaymentIds(reader);
      // §3.7: the optional smaller amount goes in params for complete.
      const amount = reader.amount('params', 'amount');
      reader.done();
      completePayment(store, findPayment(store, merchant.clientId, paymentId, invoiceId), amount);
      return { paymentId };
    },
  },

  'invoicer/payments/cancel': {
    auth: 'session',
    handle: ({ store, merchant, reader }) => {
      const { paymentId, invoiceId } = readPaymentIds(reader);
      reader.done();
      cancelPayment(store, findPayment(store, merchant.clientId, paymentId, invoiceId));
      return { paymentId };
    },
  },

  'invoicer/payments/reverse': {
    auth: 'session',
    handle: ({ store, merchant, reader }) => {
      const { paymentId, invoiceId } = readPaymentIds(reader);
      // §3.9: the optional partial amount goes in data for reverse (unlike complete).
      const amount = reader.amount('data', 'amount');
      reader.done();
      reversePayment(store, findPayment(store, merchant.clientId, paymentId, invoiceId), amount);
      return { paymentId };
    },
  },
};

function readPaymentIds(reader: FieldReader): { paymentId: string; invoiceId: string } {
  const paymentId = reader.string('params', 'paymentId', true);
  const invoiceId = reader.string('params', 'invoiceId', true);
  return { paymentId, invoiceId };
}
