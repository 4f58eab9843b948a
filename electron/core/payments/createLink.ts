import type { LinkResult as SharedLinkResult } from '../../shared/channels/payments';
import type { IntentRecord, Operation } from '../journal/records';
import { RefusedError, toDeskError } from '../errors';
import { log } from '../log';
import type { UapayClient } from '../uapay/client';
import type { UapayInvoice } from '../uapay/replies';
import type { PaymentsContext, PaymentTarget } from './context';
import { mappedStatus, writeToCrm } from './crmWrite';
import { invoiceFields } from './invoiceFields';
import { look } from './look';

/** The link as the core returns it; the handler adds the QR code. */
export type LinkResult = Omit<SharedLinkResult, 'qr'>;

/**
 * "Generate link" (DESIGN.md step 5): a HOLD invoice when the merchant confirms manually, else PAY,
 * for the payment's amount. Asking again returns the live link; a new invoice is made only when
 * there is none, or the old one can no longer be paid (expired, or a declined attempt).
 */
export async function createLink(ctx: PaymentsContext, target: PaymentTarget): Promise<LinkResult> {
  const settings = await ctx.settings();
  if (!target.merchantId)
    throw new RefusedError('not_linked', 'This payment type is not linked to a merchant.');
  const merchant = settings.merchants.find((m) => m.id === target.merchantId);
  if (!merchant)
    throw new RefusedError('not_linked', 'The merchant of this payment type was removed from Settings.');
  mappedStatus(settings, 'link_sent');
  const client = await ctx.connections.uapay(merchant.id);

  if (target.invoiceId) {
    const current = await look(
      client,
      target.invoiceId,
      target.state,
      settings.holdLifetimeHours * 3_600_000,
      ctx.now(),
    );
    const state = current.derived.state;
    if (state === 'link_sent' && target.link) {
      return { invoiceId: target.invoiceId, link: target.link, created: false, outcome: 'succeeded' };
    }
    if (state !== 'failed' && state !== 'no_link' && state !== 'link_sent') {
      throw new RefusedError('link_paid', `This payment's link was already used (it is ${state}).`, {
        state,
      });
    }
  }

  const intent = await ctx.journal.begin({
    kind: 'link.create',
    orderId: target.orderId,
    orderNumber: target.orderNumber,
    crmPaymentId: target.paymentId,
    merchantId: merchant.id,
    amount: target.amount,
    before: target.state,
    detail: { crmAmount: target.amount, crmComment: target.comment ?? null, link: target.link ?? null },
  });
  const expires = new Date(ctx.now().getTime() + settings.payLinkLifetimeHours * 3_600_000);
  await ctx.journal.step(intent.opId, 'uapay-sent', { payExpiresAt: expires.toISOString() });
  let invoice: { id: string; paymentPageUrl: string };
  try {
    invoice = await client.createInvoice({
      type: merchant.confirmManually ? 'HOLD' : 'PAY',
      amount: target.amount,
      externalId: target.orderNumber,
      ...invoiceFields(target, merchant, settings),
      // The RetailCRM ids (and our operation) let anyone find the invoice again (reconciliation).
      extraInfo: { orderId: target.orderId, paymentId: target.paymentId, opId: intent.opId },
      ...(settings.relay?.callbackUrl && { callbackUrl: settings.relay.callbackUrl }),
      payExpiresAt: expires,
    });
  } catch (error) {
    // If UAPAY made the invoice but the reply was lost, its link never reached anyone (invoices/show
    // does not return it): it stays unused, and asking again makes a fresh one. Record it.
    const orphan = await findInvoice(client, intent).catch(() => undefined);
    await ctx.journal.finish(intent.opId, {
      outcome: 'failed',
      ...(intent.before && { after: intent.before }),
      error: errorOf(error),
      ...(orphan && { detail: { unusedInvoiceId: orphan.id } }),
    });
    throw error;
  }
  return finishLink(ctx, intent, invoice);
}

async function finishLink(
  ctx: PaymentsContext,
  intent: IntentRecord,
  invoice: { id: string; paymentPageUrl: string },
  outcome: 'succeeded' | 'reconciled' = 'succeeded',
): Promise<LinkResult> {
  if (outcome === 'succeeded') {
    await ctx.journal.step(intent.opId, 'uapay-confirmed', {
      invoiceId: invoice.id,
      link: invoice.paymentPageUrl,
    });
  }
  const base = { opId: intent.opId, invoiceId: invoice.id, link: invoice.paymentPageUrl, created: true };
  try {
    const crmStatus = await writeToCrm(ctx, intent, {
      state: 'link_sent',
      invoiceId: invoice.id,
      link: invoice.paymentPageUrl,
    });
    await ctx.journal.finish(intent.opId, { outcome, after: 'link_sent' });
    ctx.onRowChange?.(intent.crmPaymentId, {
      state: 'link_sent',
      crmStatus,
      invoiceId: invoice.id,
      link: invoice.paymentPageUrl,
      lastOperation: { kind: intent.kind, at: intent.at, outcome },
    });
    return { ...base, outcome: 'succeeded' };
  } catch (error) {
    await ctx.journal.step(intent.opId, 'crm-pending', { error: toDeskError(error) });
    ctx.onRowChange?.(intent.crmPaymentId, { invoiceId: invoice.id, link: invoice.paymentPageUrl });
    return { ...base, outcome: 'crm_pending' };
  }
}

/** The invoice a lost `invoices/create` reply may still have made: ours carries our operation id. */
async function findInvoice(client: UapayClient, intent: IntentRecord): Promise<UapayInvoice | undefined> {
  const candidates = await client.showInvoicesByExternalId([intent.orderNumber ?? '']);
  for (const candidate of candidates) {
    const full = candidate.extraInfo === undefined ? await client.showInvoice(candidate.id) : candidate;
    if ((full.extraInfo as { opId?: unknown } | null | undefined)?.opId === intent.opId) return full;
  }
  return undefined;
}

/** Reconciliation of a link.create left open: find what UAPAY made, and finish the RetailCRM side. */
export async function reconcileLink(ctx: PaymentsContext, operation: Operation): Promise<boolean> {
  const { intent } = operation;
  const confirmed = operation.steps.find((s) => s.step === 'uapay-confirmed')?.detail;
  try {
    const invoice =
      typeof confirmed?.invoiceId === 'string' && typeof confirmed.link === 'string'
        ? { id: confirmed.invoiceId, paymentPageUrl: confirmed.link }
        : undefined;
    // Without the step, the link never came back to us: any invoice made is unused (see above).
    if (!invoice) {
      await ctx.journal.finish(intent.opId, {
        outcome: 'reconciled',
        ...(intent.before && { after: intent.before }),
        detail: { happened: false },
      });
      return true;
    }
    return (await finishLink(ctx, intent, invoice, 'reconciled')).outcome === 'succeeded';
  } catch (error) {
    log.warn('payments: link reconciliation must wait', { opId: intent.opId, error });
    return false;
  }
}

function errorOf(error: unknown) {
  const info = toDeskError(error);
  return {
    kind: info.kind,
    message: info.message,
    ...('code' in info && typeof info.code === 'string' && { code: info.code }),
  };
}
