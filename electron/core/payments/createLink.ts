import type { LinkResult as SharedLinkResult } from '../../shared/channels/payments';
import type { Merchant } from '../../shared/settings';
import { JOURNAL_STEPS } from '../../shared/journalSteps';
import type { IntentRecord, Operation } from '../journal/records';
import { RefusedError, toDeskError } from '../errors';
import { log } from '../log';
import type { UapayClient } from '../uapay/client';
import { isLocalCode, UapayError } from '../uapay/errors';
import type { UapayInvoice } from '../uapay/replies';
import type { PaymentsContext, PaymentTarget } from './context';
import { mappedStatus, writeToCrm } from './crmWrite';
import { invoiceFields } from './invoiceFields';
import { belongsTo, EXTERNAL_ID_MARGIN, invoiceExternalId } from './invoiceBinding';
import { interpret } from './look';
import { invoicesOfOrders } from './orderInvoices';

/** The link as the core returns it; the handler adds the QR code. */
export type LinkResult = Omit<SharedLinkResult, 'qr'>;

/** States of a payment whose money moved: no new link may replace its invoice. */
const MONEY_STATES = new Set(['held', 'paid', 'partially_refunded', 'refunded', 'rejected', 'expired']);

/** UAPAY refused an invoice whose externalId was taken meanwhile (another desktop): try the next. */
const CREATE_ATTEMPTS = 3;

/**
 * "Generate link" (DESIGN.md step 5): a HOLD invoice when the merchant confirms manually, else PAY,
 * for the payment's amount. The payment's current invoice is returned instead while it can still
 * be paid for that same amount (also after a declined card, when UAPAY keeps it payable) and its
 * link passes the checks; otherwise a new invoice is made. Older invoices stay payable (UAPAY has
 * no call to close them): status sync watches every invoice of the order.
 */
export async function createLink(ctx: PaymentsContext, target: PaymentTarget): Promise<LinkResult> {
  const { settings, merchant, client, known, live } = await inspect(ctx, target);
  if (live) return { ...live, created: false, outcome: 'succeeded' };

  const intent = await ctx.journal.begin({
    kind: 'link.create',
    orderId: target.orderId,
    orderNumber: target.orderNumber,
    crmPaymentId: target.paymentId,
    merchantId: merchant.id,
    amount: target.amount,
    before: target.state,
    detail: { crmAmount: target.amount, link: target.link ?? null },
  });
  const expires = new Date(ctx.now().getTime() + settings.payLinkLifetimeHours * 3_600_000);
  await ctx.journal.step(intent.opId, JOURNAL_STEPS.uapaySent, { payExpiresAt: expires.toISOString() });
  let next = known.highest + 1;
  for (let attempt = 1; ; attempt++) {
    const externalId = invoiceExternalId(target.orderNumber, next);
    try {
      const invoice = await client.createInvoice({
        type: merchant.confirmManually ? 'HOLD' : 'PAY',
        amount: target.amount,
        externalId,
        ...invoiceFields(target, merchant, settings),
        // The RetailCRM ids bind the invoice to its payment (invoiceBinding.ts) and our operation
        // lets a lost reply be found again.
        extraInfo: { orderId: target.orderId, paymentId: target.paymentId, opId: intent.opId },
        ...(settings.relay?.callbackUrl && { callbackUrl: settings.relay.callbackUrl }),
        payExpiresAt: expires,
      });
      ctx.links.remember(invoice.id, invoice.paymentPageUrl, merchant.environment);
      return await finishLink(ctx, intent, invoice);
    } catch (error) {
      // If UAPAY made the invoice but the reply was lost, its link never reached anyone (invoices/show
      // does not return it): it stays unused and watched, and asking again makes a fresh one.
      const taken = await client.showInvoicesByExternalId([externalId]).catch(() => [] as UapayInvoice[]);
      const orphan = taken.find((invoice) => invoice.extraInfo?.opId === intent.opId);
      // UNCERTAIN (reference §6.1): UAPAY may refuse a repeated externalId; another desktop took it.
      const refusedAsTaken =
        error instanceof UapayError && !isLocalCode(error.code) && !orphan && taken.length > 0;
      if (refusedAsTaken && attempt < CREATE_ATTEMPTS) {
        next += 1;
        continue;
      }
      await ctx.journal.finish(intent.opId, {
        outcome: 'failed',
        ...(intent.before && { after: intent.before }),
        error: errorOf(error),
        ...(orphan && { detail: { unusedInvoiceId: orphan.id } }),
      });
      throw error;
    }
  }
}

/**
 * The payment's link that can still be paid for its current amount, if there is one: what a
 * letter may carry (sendLink.ts). Undefined: "Generate link" must make a new one first.
 */
export async function liveLink(
  ctx: PaymentsContext,
  target: PaymentTarget,
): Promise<{ invoiceId: string; link: string } | undefined> {
  return (await inspect(ctx, target)).live;
}

/** What UAPAY has for the payment: every invoice of its order, and the current one if still live. */
async function inspect(ctx: PaymentsContext, target: PaymentTarget) {
  const settings = await ctx.settings();
  if (!target.merchantId)
    throw new RefusedError('not_linked', 'This payment type is not linked to a merchant.');
  const merchant = settings.merchants.find((m) => m.id === target.merchantId);
  if (!merchant)
    throw new RefusedError('not_linked', 'The merchant of this payment type was removed from Settings.');
  mappedStatus(settings, 'link_sent');
  const client = await ctx.connections.uapay(merchant.id);
  const holdMs = settings.holdLifetimeHours * 3_600_000;
  // The highest invoice number seen for the order, when status sync saw one; the lookup probes
  // EXTERNAL_ID_MARGIN past it and on while it finds more.
  const numbering = new Map([[target.orderNumber, target.uapay?.highestInvoice ?? 1]]);
  const known = (await invoicesOfOrders(client, numbering, EXTERNAL_ID_MARGIN)).get(target.orderNumber) ?? {
    invoices: [],
    highest: 0,
  };
  const ours = known.invoices.filter((invoice) => belongsTo(invoice, target));
  // Money on any invoice of this payment (an older link paid) means no new link.
  for (const invoice of ours) {
    const state = interpret(invoice, target.state, holdMs, ctx.now()).derived.state;
    if (MONEY_STATES.has(state)) {
      throw new RefusedError('link_paid', `This payment's link was already used (it is ${state}).`, {
        state,
      });
    }
  }
  const current = target.invoiceId ? await currentInvoice(client, target, ours) : undefined;
  const link = current && reusable(ctx, current, target, merchant, holdMs);
  return {
    settings,
    merchant,
    client,
    known,
    live: current && link ? { invoiceId: current.id, link } : undefined,
  };
}

/** The payment's current invoice, when UAPAY still knows it as this payment's. */
async function currentInvoice(
  client: UapayClient,
  target: PaymentTarget,
  ours: readonly UapayInvoice[],
): Promise<UapayInvoice | undefined> {
  const found = ours.find((invoice) => invoice.id === target.invoiceId);
  if (found) return found;
  // Made outside the numbering (an older version, another module): read it by id.
  const invoice = await client.showInvoice(target.invoiceId ?? '').catch(() => undefined);
  return invoice && belongsTo(invoice, target) ? invoice : undefined;
}

/**
 * The current invoice's link, when that invoice can still be paid for the payment's amount: no
 * attempt yet, or (UNCERTAIN, reference §3.2/§4) a declined one after which UAPAY keeps it ACTIVE.
 */
function reusable(
  ctx: PaymentsContext,
  invoice: UapayInvoice,
  target: PaymentTarget,
  merchant: Merchant,
  holdMs: number,
): string | undefined {
  const state = interpret(invoice, target.state, holdMs, ctx.now()).derived.state;
  const payable = state === 'link_sent' || (state === 'failed' && invoice.invoiceStatus === 'ACTIVE');
  if (!payable || invoice.amount !== target.amount) return undefined;
  return ctx.links.forInvoice(invoice.id, target.link, merchant);
}

async function finishLink(
  ctx: PaymentsContext,
  intent: IntentRecord,
  invoice: { id: string; paymentPageUrl: string },
  outcome: 'succeeded' | 'reconciled' = 'succeeded',
): Promise<LinkResult> {
  if (outcome === 'succeeded') {
    await ctx.journal.step(intent.opId, JOURNAL_STEPS.uapayConfirmed, {
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
    await ctx.journal.step(intent.opId, JOURNAL_STEPS.crmPending, { error: toDeskError(error) });
    ctx.onRowChange?.(intent.crmPaymentId, { invoiceId: invoice.id, link: invoice.paymentPageUrl });
    return { ...base, outcome: 'crm_pending' };
  }
}

/** Reconciliation of a link.create left open: find what UAPAY made, and finish the RetailCRM side. */
export async function reconcileLink(ctx: PaymentsContext, operation: Operation): Promise<boolean> {
  const { intent } = operation;
  const confirmed = operation.steps.find((s) => s.step === JOURNAL_STEPS.uapayConfirmed)?.detail;
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
