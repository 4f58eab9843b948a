/**
 * The library's view of the fake's state, for tests, the seed and Demo mode: merchants, invoices,
 * payments, paying as the hosted page would, and changes "someone else" makes outside our app
 * (e.g. a colleague capturing in UAPAY's own cabinet). Same rules as the API: payments.ts.
 */
import { TEST_CARDS } from './cards';
import { createInvoice, validateInvoiceInput, type InvoiceInput } from './invoices';
import {
  attemptPayment,
  cancelPayment,
  completePayment,
  expireHolds,
  findPayment,
  reversePayment,
} from './payments';
import { originOf, type FakeRuntime } from './runtime';
import { addMerchant } from './sessions';
import type { Merchant } from './state';
import type { PaymentPhase } from './statuses';
import {
  invoiceView,
  paymentPageQrUrl,
  paymentPageUrl,
  paymentView,
  type InvoiceView,
  type PaymentView,
} from './views';

/** A merchant, invoice or payment the library was asked about does not exist. */
export class UnknownRecordError extends Error {
  constructor(what: string) {
    super(`No ${what}.`);
    this.name = 'UnknownRecordError';
  }
}

/** How a programmatic payment goes, as with the hosted page's test cards. */
export type PayCard = 'success' | 'decline' | '3ds-confirmed';

export interface PayOptions {
  card: PayCard;
  /** Sandbox time of the attempt (the seed back-dates history); default now. */
  at?: number;
  /** Send callbacks (default true). */
  notify?: boolean;
}

export type OtherPartyAction = (
  | { action: 'complete'; paymentId: string; amount?: number }
  | { action: 'cancel'; paymentId: string }
  | { action: 'reverse'; paymentId: string; amount?: number }
) & { notify?: boolean };

export interface CreatedInvoice {
  id: string;
  paymentPageUrl: string;
  paymentPageUrlQR: string;
}

/**
 * A payment's money as the fake keeps it, the same under every reading; replies show the amount but
 * never the sum refunded, and their status pairs depend on the readings.
 */
export interface PaymentMoney {
  /** Kopiyky the card authorised (0 for a declined attempt). */
  authorised: number;
  /** Authorised, then the captured amount after payments/complete (whatever the reply shows). */
  amount: number;
  /** Kopiyky taken from the card: the amount once paid or captured, 0 otherwise. */
  captured: number;
  /** The sum of every reversal so far. */
  reversed: number;
  /** What happened to the payment, whatever status pair the readings show for it. */
  phase: PaymentPhase;
}

export interface UapayFakeState {
  addMerchant(merchant: Merchant): Merchant;
  merchants(): Merchant[];
  /** As invoices/create would, without HTTP (the seed). Throws UapayApiError (FORMAT_ERROR) on bad input. */
  createInvoice(clientId: string, input: InvoiceInput, options?: { at?: number }): CreatedInvoice;
  invoice(id: string): InvoiceView | undefined;
  invoices(filter?: { clientId?: string }): InvoiceView[];
  payment(id: string): PaymentView | undefined;
  /** The money behind a payment (tests that check totals: UAPAY replies do not report refunds). */
  money(paymentId: string): PaymentMoney | undefined;
  /** Pays as the hosted page would. Throws NotPayableError when the invoice is used up or expired. */
  pay(invoiceId: string, options: PayOptions): PaymentView;
  /** complete/cancel/reverse done outside our app; throws UapayApiError like the API would refuse. */
  actAsOtherParty(action: OtherPartyAction): PaymentView;
  /** Releases holds past their lifetime now (also done before every request and on a timer). */
  expireHolds(): void;
}

export function createStateApi(runtime: FakeRuntime): UapayFakeState {
  const { store } = runtime;
  const origin = () => originOf(runtime);
  const viewOfPayment = (paymentId: string): PaymentView | undefined => {
    const payment = store.payments.get(paymentId);
    const invoice = payment && store.invoices.get(payment.invoiceId);
    return payment && invoice ? paymentView(store, payment, invoice, origin(), 'payments/show') : undefined;
  };
  const mustViewPayment = (paymentId: string): PaymentView => {
    const view = viewOfPayment(paymentId);
    if (!view) throw new UnknownRecordError(`payment ${paymentId}`);
    return view;
  };

  return {
    addMerchant: (merchant) => addMerchant(store, merchant),
    merchants: () => [...store.merchants.values()].map((merchant) => ({ ...merchant })),

    createInvoice(clientId, input, options = {}) {
      if (!store.merchants.has(clientId)) throw new UnknownRecordError(`merchant ${clientId}`);
      const invoice = createInvoice(store, clientId, validateInvoiceInput(input), options.at);
      return {
        id: invoice.id,
        paymentPageUrl: paymentPageUrl(origin(), invoice.id),
        paymentPageUrlQR: paymentPageQrUrl(origin(), invoice.id),
      };
    },

    invoice(id) {
      expireHolds(store);
      const invoice = store.invoices.get(id);
      return invoice && invoiceView(store, invoice, origin());
    },

    invoices(filter = {}) {
      expireHolds(store);
      return [...store.invoices.values()]
        .filter((invoice) => filter.clientId === undefined || invoice.clientId === filter.clientId)
        .map((invoice) => invoiceView(store, invoice, origin()));
    },

    payment(id) {
      expireHolds(store);
      return viewOfPayment(id);
    },

    money(paymentId) {
      const payment = store.payments.get(paymentId);
      return (
        payment && {
          authorised: payment.authorisedAmount,
          amount: payment.amount,
          captured: payment.phase === 'paid' || payment.phase === 'captured' ? payment.amount : 0,
          reversed: payment.reversedAmount,
          phase: payment.phase,
        }
      );
    },

    pay(invoiceId, options) {
      const invoice = store.invoices.get(invoiceId);
      if (!invoice) throw new UnknownRecordError(`invoice ${invoiceId}`);
      const pan = options.card === '3ds-confirmed' ? TEST_CARDS.threeDSecure : TEST_CARDS[options.card];
      const payment = attemptPayment(store, invoice, {
        pan,
        approved: options.card !== 'decline',
        at: options.at,
        notify: options.notify,
      });
      return mustViewPayment(payment.paymentId);
    },

    actAsOtherParty(request) {
      const known = store.payments.get(request.paymentId);
      if (!known) throw new UnknownRecordError(`payment ${request.paymentId}`);
      const payment = findPayment(store, known.clientId, known.paymentId);
      const notify = request.notify ?? true;
      switch (request.action) {
        case 'complete':
          completePayment(store, payment, request.amount, notify);
          break;
        case 'cancel':
          cancelPayment(store, payment, notify);
          break;
        case 'reverse':
          reversePayment(store, payment, request.amount, notify);
          break;
      }
      return mustViewPayment(payment.paymentId);
    },

    expireHolds: () => expireHolds(store),
  };
}
