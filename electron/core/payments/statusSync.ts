import type { ExtraMoney, OrderRow, UapayFacts } from '../../shared/orders';
import { kopiyky } from '../../shared/money';
import { toDeskError } from '../errors';
import { needsWatching, stateForCrmStatus } from '../lifecycle';
import { log } from '../log';
import type { UapayClient } from '../uapay/client';
import type { UapayInvoice } from '../uapay/replies';
import { parseComment } from './comment';
import type { PaymentsContext } from './context';
import { mappedStatus, writeToCrm } from './crmWrite';
import { attemptOf, belongsTo } from './invoiceBinding';
import { holdingLocks } from './lease';
import { interpret, type Look } from './look';
import { journalTotals } from './moneyJournal';
import { invoicesOfOrders } from './orderInvoices';

export interface SyncResult {
  checked: number;
  changed: number;
  /** Merchants whose UAPAY could not be asked this round. */
  failedMerchants: string[];
}

/** States in which the shop has the money of an invoice (a hold or a capture not all refunded). */
const WITH_MONEY = new Set(['held', 'paid', 'partially_refunded']);
/** States of an invoice whose card was once charged: refunds included. */
const TOOK_MONEY = new Set([...WITH_MONEY, 'refunded']);

/**
 * Status sync: UAPAY is the truth for every payment it may still move on its own (a link not yet
 * paid, a hold) and for every older invoice of a payment that can still be paid; callbacks are
 * only hints to run it sooner. Each order's invoices are looked up by its externalIds
 * (invoices/show/list, 100 at a time), so money on a superseded link is found and written against
 * its payment, and money on two invoices of one payment is flagged for a person. A transition is
 * written to RetailCRM only when the state changed, never over an operation in progress (here or on
 * another desktop), and only from an invoice that says it belongs to the payment.
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
      row.invoiceId && row.merchantId && (options.only ? options.only.has(row.paymentId) : watches(row)),
  );
  const byMerchant = new Map<string, OrderRow[]>();
  for (const row of watched)
    byMerchant.set(row.merchantId ?? '', [...(byMerchant.get(row.merchantId ?? '') ?? []), row]);

  const result: SyncResult = { checked: 0, changed: 0, failedMerchants: [] };
  for (const [merchantId, merchantRows] of byMerchant) {
    let invoicesOf: (row: OrderRow) => { invoices: UapayInvoice[]; highest: number };
    try {
      invoicesOf = await lookUp(await ctx.connections.uapay(merchantId), merchantRows);
    } catch (error) {
      log.warn('status sync: UAPAY could not be asked', { merchantId, error });
      result.failedMerchants.push(merchantId);
      continue;
    }
    for (const row of merchantRows) {
      const { invoices, highest } = invoicesOf(row);
      // What RetailCRM records is the current invoice's story only: the others are read on their own.
      const looks = invoices.map((invoice) =>
        interpret(invoice, invoice.id === row.invoiceId ? row.state : undefined, holdMs, ctx.now()),
      );
      const current = looks.find((look) => look.invoice.id === row.invoiceId);
      if (!current) continue; // not this payment's invoice (or UAPAY does not know it): nothing to write
      result.checked += 1;
      const { primary, extra, open } = weigh(ctx, row, current, looks);
      ctx.onRowChange?.(row.paymentId, {
        uapay: {
          ...facts(primary, holdMs, ctx.now()),
          highestInvoice: Math.max(highest, attemptOf(current.invoice.externalId, row.orderNumber) ?? 1),
          ...(open > 0 && { openInvoices: open }),
          ...(extra.length > 0 && { extra }),
        },
      });
      if (extra.length > 0)
        log.warn('status sync: money arrived on two invoices of one payment', { paymentId: row.paymentId });
      const moved = primary !== current || (!primary.derived.unknown && primary.derived.state !== row.state);
      if (moved && (await applyTransition(ctx, row, primary))) result.changed += 1;
    }
  }
  return result;
}

/** A row status sync looks at without being asked: UAPAY may move it, or an older link of it. */
function watches(row: OrderRow): boolean {
  return (
    needsWatching(row.state) || (row.uapay?.openInvoices ?? 0) > 0 || (row.uapay?.extra?.length ?? 0) > 0
  );
}

/**
 * Every invoice of each row's order (by externalIds), and the rows' own invoices made outside
 * that numbering (by id). Only invoices that say they belong to the row's payment are its own.
 */
async function lookUp(client: UapayClient, rows: readonly OrderRow[]) {
  const numbering = new Map<string, number>();
  for (const row of rows) {
    const known = row.uapay?.highestInvoice ?? 1;
    numbering.set(row.orderNumber, Math.max(numbering.get(row.orderNumber) ?? 1, known));
  }
  const byOrder = await invoicesOfOrders(client, numbering);
  const found = new Set(
    [...byOrder.values()].flatMap((entry) => entry.invoices.map((invoice) => invoice.id)),
  );
  const missing = rows.flatMap((row) => (row.invoiceId && !found.has(row.invoiceId) ? [row.invoiceId] : []));
  const byId = new Map(
    (missing.length ? await client.showInvoices(missing) : []).map((inv) => [inv.id, inv]),
  );
  // A current invoice newer than this desktop knew of (made on another desktop, or superseded more
  // than once): the order's invoices up to its number are read too, so none in between is missed.
  const newer = new Map<string, number>();
  for (const row of rows) {
    const own = byId.get(row.invoiceId ?? '');
    const n = attemptOf(own?.externalId, row.orderNumber);
    if (own && n !== undefined && n > (numbering.get(row.orderNumber) ?? 1))
      newer.set(row.orderNumber, Math.max(newer.get(row.orderNumber) ?? 0, n));
  }
  for (const [orderNumber, entry] of newer.size ? await invoicesOfOrders(client, newer) : []) {
    const known = byOrder.get(orderNumber) ?? { invoices: [], highest: 0 };
    const seen = new Set(known.invoices.map((invoice) => invoice.id));
    byOrder.set(orderNumber, {
      invoices: [...known.invoices, ...entry.invoices.filter((invoice) => !seen.has(invoice.id))],
      highest: Math.max(known.highest, entry.highest),
    });
  }
  return (row: OrderRow) => {
    const entry = byOrder.get(row.orderNumber) ?? { invoices: [], highest: 0 };
    const own = byId.get(row.invoiceId ?? '');
    const all =
      own && !entry.invoices.some((invoice) => invoice.id === own.id)
        ? [...entry.invoices, own]
        : entry.invoices;
    return { invoices: all.filter((invoice) => belongsTo(invoice, row)), highest: entry.highest };
  };
}

/**
 * Which invoice carries the payment's money: the current one, unless only an older one took money
 * (then the payment moves to that invoice). Money on more than one is extra, for a person to give
 * back; older invoices still payable are counted so they stay watched.
 */
function weigh(ctx: PaymentsContext, row: OrderRow, current: Look, looks: readonly Look[]) {
  const withMoney = looks.filter((look) => WITH_MONEY.has(look.derived.state) && !givenBack(ctx, row, look));
  // The payment stays with its own invoice once that one took money (even if it all went back):
  // money on another invoice is then extra. Only an invoice that never took money gives way.
  const primary =
    withMoney.includes(current) || TOOK_MONEY.has(current.derived.state)
      ? current
      : (withMoney[0] ?? current);
  const extra: ExtraMoney[] = withMoney
    .filter((look) => look !== primary && look.payment)
    .map((look) => ({
      invoiceId: look.invoice.id,
      paymentId: look.payment!.paymentId,
      state: look.derived.state,
      amount: kopiyky(look.payment!.amount),
    }));
  const open = looks.filter(
    (look) =>
      look !== primary &&
      look.invoice.invoiceStatus !== 'INACTIVE' &&
      (look.derived.state === 'link_sent' || look.derived.state === 'failed'),
  ).length;
  return { primary, extra, open };
}

/** Money this desktop refunded in full (UAPAY's state after a reverse may not show it, §4). */
function givenBack(ctx: PaymentsContext, row: OrderRow, look: Look): boolean {
  if (!look.payment) return false;
  const totals = journalTotals(ctx.journal, row.paymentId, look.payment.paymentId);
  const captured = Math.min(look.payment.amount, totals.captured ?? Infinity);
  return totals.refunded > 0 && totals.refunded >= captured;
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

async function applyTransition(ctx: PaymentsContext, row: OrderRow, looked: Look): Promise<boolean> {
  if (ctx.journal.inFlight(row.paymentId)) return false; // the running operation will write it
  const switching = looked.invoice.id !== row.invoiceId;
  // Another desktop of the shop may have written it already (they all get the same callbacks):
  // RetailCRM is read once more, so the shop sees one update, not one per desktop.
  const settings = await ctx.settings();
  const order = await (await ctx.connections.retailCrm()).order(row.orderId);
  const now = order.payments.find((p) => p.id === row.paymentId);
  if (!now) return false;
  // RetailCRM names another invoice than this row (a new link made meanwhile): the next refresh
  // brings it, and the next round looks again.
  if (now.externalId !== row.invoiceId) return false;
  // A money operation runs on it (maybe elsewhere).
  if (holdingLocks(parseComment(now.comment), ctx).length) return false;
  // The row may be behind RetailCRM (another desktop refunded meanwhile). A refund's pair is
  // UNCERTAIN (§4: a full refund may read like a partial one) and never moves a refunded payment
  // back, but only against what RetailCRM records now, not what this desktop last saw.
  const recorded = stateForCrmStatus(now.status, settings.statusMapping);
  const current =
    !switching && recorded && recorded !== row.state
      ? interpret(looked.invoice, recorded, settings.holdLifetimeHours * 3_600_000, ctx.now())
      : looked;
  if (current !== looked && current.derived.unknown) return false;
  const state = current.derived.state;
  const wanted = mappedStatus(settings, state);
  if (now.status === wanted && !switching) {
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
    invoiceId: current.invoice.id,
    before: row.state,
    detail: {
      crmAmount: row.amount,
      link: row.link ?? null,
      uapay: {
        status: current.payment?.status ?? null,
        paymentStatus: current.payment?.paymentStatus ?? null,
      },
      // An older link of the payment took the money: the payment now names that invoice.
      ...(switching && { invoiceBefore: row.invoiceId ?? null }),
    },
  });
  try {
    const paidAt = state === 'paid' ? current.payment?.paidAt : undefined;
    const crmStatus = await writeToCrm(
      ctx,
      intent,
      {
        state,
        ...(captured !== undefined && { amount: captured, moved: captured }),
        ...(paidAt && { paidAt }),
        ...(switching && { invoiceId: current.invoice.id }),
      },
      now,
    );
    await ctx.journal.finish(intent.opId, { outcome: 'succeeded', after: state });
    ctx.onRowChange?.(row.paymentId, {
      state,
      crmStatus,
      ...(captured !== undefined && { amount: captured }),
      ...(switching && { invoiceId: current.invoice.id }),
      ...(switching && { link: undefined }),
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
