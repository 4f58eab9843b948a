import type { LifecycleState } from '../../shared/lifecycle';
import { deriveState, type DerivedState, type UapayInvoiceView } from '../lifecycle';
import type { UapayClient } from '../uapay/client';
import type { UapayInvoice, UapayPayment } from '../uapay/replies';

/** UAPAY's answer about one invoice, with what it means for us. */
export interface Look {
  invoice: UapayInvoice;
  derived: DerivedState;
  /** UAPAY's own record of the payment that matters (the derived one), with every field. */
  payment?: UapayPayment;
}

function toInvoiceView(invoice: UapayInvoice): UapayInvoiceView {
  return {
    ...(invoice.invoiceStatus && { invoiceStatus: invoice.invoiceStatus }),
    payments: invoice.payments.map((p) => ({
      paymentId: p.paymentId,
      ...(p.status && { status: p.status }),
      ...(p.paymentStatus && { paymentStatus: p.paymentStatus }),
      amount: p.amount,
      ...(p.createdAt && { createdAt: p.createdAt }),
      ...(p.paidAt && { paidAt: p.paidAt }),
    })),
  };
}

export function interpret(
  invoice: UapayInvoice,
  previous: LifecycleState | undefined,
  holdLifetimeMs: number,
  now: Date,
): Look {
  const derived = deriveState({ invoice: toInvoiceView(invoice), previous, holdLifetimeMs, now });
  const payment = derived.payment && invoice.payments.find((p) => p.paymentId === derived.payment?.paymentId);
  return { invoice, derived, ...(payment && { payment }) };
}

/** Asks UAPAY for the invoice and reads it. */
export async function look(
  client: UapayClient,
  invoiceId: string,
  previous: LifecycleState | undefined,
  holdLifetimeMs: number,
  now: Date,
): Promise<Look> {
  return interpret(await client.showInvoice(invoiceId), previous, holdLifetimeMs, now);
}
