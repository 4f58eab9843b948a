import type { OrderRow, UapayFacts } from '../../shared/orders';
import { kopiyky } from '../../shared/money';
import { toDeskError } from '../errors';
import { needsWatching } from '../lifecycle';
import { log } from '../log';
import type { PaymentsContext } from './context';
import { mappedStatus, writeToCrm } from './crmWrite';
import { interpret, type Look } from './look';

export interface SyncResult {
  checked: number;
  changed: number;
  /** Merchants whose UAPAY could not be asked this round. */
  failedMerchants: string[];
}

/**
 * Status sync: UAPAY's invoices/show (100 at a time) is the truth for every payment that UAPAY
 * may still move on its own (a link not yet paid, a hold); callbacks are only hints to run it
 * sooner. A transition is written to RetailCRM only when the state changed, and never over an
 * operation in progress. Applying the same answer twice writes nothing the second time.
 */
export async function syncStatuses(
  ctx: PaymentsContext,
  rows: readonly OrderRow[],
  options: { only?: ReadonlySet<number> } = {},
): Promise<SyncResult> {
  const settings = await ctx.settings();
  const holdMs = settings.holdLifetimeHours * 3_600_000;
  const watched = rows.filter(
    (row) =>
      row.invoiceId &&
      row.merchantId &&
      (options.only ? options.only.has(row.paymentId) : needsWatching(row.state)),
  );
  const byMerchant = new Map<string, OrderRow[]>();
  for (const row of watched)
    byMerchant.set(row.merchantId ?? '', [...(byMerchant.get(row.merchantId ?? '') ?? []), row]);

  const result: SyncResult = { checked: 0, changed: 0, failedMerchants: [] };
  for (const [merchantId, merchantRows] of byMerchant) {
    let invoices;
    try {
      const client = await ctx.connections.uapay(merchantId);
      invoices = await client.showInvoices(merchantRows.map((row) => row.invoiceId ?? ''));
    } catch (error) {
      log.warn('status sync: UAPAY could not be asked', { merchantId, error });
      result.failedMerchants.push(merchantId);
      continue;
    }
    const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    for (const row of merchantRows) {
      const invoice = byId.get(row.invoiceId ?? '');
      if (!invoice) continue;
      result.checked += 1;
      const current = interpret(invoice, row.state, holdMs, ctx.now());
      ctx.onRowChange?.(row.paymentId, { uapay: facts(current, holdMs, ctx.now()) });
      if (current.derived.unknown || current.derived.state === row.state) continue;
      if (await applyTransition(ctx, row, current)) result.changed += 1;
    }
  }
  return result;
}

/** What the orders row keeps of UAPAY's answer (the bulk preflight records its fresh look the same way). */
export function facts(current: Look, holdMs: number, now: Date): UapayFacts {
  const payment = current.payment;
  const heldSince = current.derived.state === 'held' ? (payment?.paidAt ?? payment?.createdAt) : undefined;
  return {
    checkedAt: now.toISOString(),
    ...(payment && { paymentId: payment.paymentId, amount: kopiyky(payment.amount) }),
    ...(heldSince && {
      heldSince: heldSince.toISOString(),
      holdExpiresAt: new Date(heldSince.getTime() + holdMs).toISOString(),
    }),
  };
}

async function applyTransition(ctx: PaymentsContext, row: OrderRow, current: Look): Promise<boolean> {
  if (ctx.journal.inFlight(row.paymentId)) return false; // the running operation will write it
  const state = current.derived.state;
  // Another desktop of the shop may have written it already (they all get the same callbacks):
  // RetailCRM is read once more, so the shop sees one update, not one per desktop.
  const settings = await ctx.settings();
  const wanted = mappedStatus(settings, state);
  const order = await (await ctx.connections.retailCrm()).order(row.orderId);
  const now = order.payments.find((p) => p.id === row.paymentId);
  if (now?.status === wanted) {
    ctx.onRowChange?.(row.paymentId, {
      state,
      crmStatus: wanted,
      ...(now.amount !== undefined && { amount: now.amount }),
    });
    return false;
  }
  const captured = state === 'paid' && current.payment ? kopiyky(current.payment.amount) : undefined;
  const intent = await ctx.journal.begin({
    kind: 'status.sync',
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    crmPaymentId: row.paymentId,
    ...(row.merchantId && { merchantId: row.merchantId }),
    ...(row.invoiceId && { invoiceId: row.invoiceId }),
    before: row.state,
    detail: {
      crmAmount: row.amount,
      crmComment: row.comment ?? null,
      link: row.link ?? null,
      uapay: {
        status: current.payment?.status ?? null,
        paymentStatus: current.payment?.paymentStatus ?? null,
      },
    },
  });
  try {
    const paidAt = state === 'paid' ? current.payment?.paidAt : undefined;
    const crmStatus = await writeToCrm(ctx, intent, {
      state,
      ...(captured !== undefined && { amount: captured, moved: captured }),
      ...(paidAt && { paidAt }),
    });
    await ctx.journal.finish(intent.opId, { outcome: 'succeeded', after: state });
    ctx.onRowChange?.(row.paymentId, {
      state,
      crmStatus,
      ...(captured !== undefined && { amount: captured }),
      lastOperation: { kind: 'status.sync', at: intent.at, outcome: 'succeeded' },
    });
    return true;
  } catch (error) {
    const info = toDeskError(error);
    await ctx.journal.finish(intent.opId, {
      outcome: 'failed',
      after: row.state,
      error: { kind: info.kind, message: info.message },
    });
    log.warn('status sync: RetailCRM not updated; the next round tries again', {
      paymentId: row.paymentId,
      error,
    });
    return false;
  }
}
