/**
 * The bulk preflight: which of the chosen payments can be confirmed (or cancelled) now, and why
 * each of the others cannot. Fresh enough to act on: the orders list is refreshed from RetailCRM's
 * history first, and UAPAY is asked about every candidate in the same pass (invoices/show/list,
 * 100 per call, reference §3.4). Nothing is written to UAPAY; payments UAPAY shows moved on their
 * own are handed to status sync, which brings RetailCRM and the list in step.
 */
import type { BulkAction, BulkRow, SkipDetail, SkipReason } from '../../shared/channels/bulk';
import { isPaymentCurrency } from '../../shared/currency';
import { kopiyky, stillOwed, type Kopiyky } from '../../shared/money';
import { queryOrders, settingsContext, type OrderQuery } from '../../shared/orderQuery';
import type { OrderRow } from '../../shared/orders';
import type { Settings } from '../../shared/settings';
import type { Connections } from '../connections';
import { toDeskError } from '../errors';
import { canDo } from '../../shared/lifecycle';
import { log } from '../log';
import type { OrdersStore } from '../orders/store';
import { mappedStatus } from '../payments/crmWrite';
import { interpret, type Look } from '../payments/look';
import type { JournalQueries } from '../journal/queries';
import type { PaymentsService } from '../payments/service';
import { facts } from '../payments/statusSync';
import type { UapayClient } from '../uapay/client';
import type { UapayInvoice } from '../uapay/replies';
import { TARGET_STATE } from './outcome';

/**
 * UNCERTAIN (UAPAY does not document how long a hold lives, reference §4; the lifetime is a
 * setting): a hold this close to its end is not captured in bulk, since the capture could race
 * UAPAY's release. Such payments are left for a person to look at.
 */
const HOLD_END_MARGIN_MS = 15 * 60 * 1000;

export interface PreflightDeps {
  orders: Pick<OrdersStore, 'refresh' | 'list' | 'patch'>;
  payments: Pick<PaymentsService, 'sync'>;
  journal: Pick<JournalQueries, 'inFlight'>;
  connections: Pick<Connections, 'uapay'>;
  settings(): Promise<Settings>;
  now(): Date;
}

export interface PreflightRequest {
  action: BulkAction;
  paymentIds?: readonly number[];
  query?: OrderQuery;
}

/** What a batch needs of an eligible row beyond what it shows. */
export interface BatchItem {
  paymentId: number;
  merchantId: string;
}

export interface Checked {
  rows: BulkRow[];
  items: BatchItem[];
}

interface Candidate {
  row: OrderRow;
  /** Set once a check decided; candidates without one are eligible. */
  skip?: { reason: SkipReason; detail?: SkipDetail };
  held?: Kopiyky;
}

/**
 * Checks the payments. `alreadyDone`: payments a previous run of the same batch already moved,
 * per the journal; they are skipped without asking anyone.
 */
export async function preflight(
  deps: PreflightDeps,
  request: PreflightRequest,
  alreadyDone: ReadonlySet<number> = new Set(),
): Promise<Checked> {
  const { action } = request;
  const settings = await deps.settings();
  mappedStatus(settings, TARGET_STATE[action]); // no mapping: the whole batch could not write RetailCRM
  await deps.orders.refresh();
  const now = deps.now();
  const holdMs = settings.holdLifetimeHours * 3_600_000;
  const { rows } = await deps.orders.list();

  const out: (Candidate | { missing: number })[] = select(rows, request, settings, now);
  // The journal first: an operation still open on a payment, or a run of this batch that did it,
  // says more than the state the list shows for it.
  for (const c of out) {
    if (!('row' in c)) continue;
    const open = await deps.journal.inFlight(c.row.paymentId);
    if (alreadyDone.has(c.row.paymentId)) c.skip = { reason: 'already_done' };
    else if (open) c.skip = { reason: 'in_flight', detail: { operation: open.kind } };
  }
  const candidates = out.filter((c): c is Candidate => 'row' in c && !c.skip);
  for (const c of candidates) {
    if (!isPaymentCurrency(c.row.currency))
      c.skip = { reason: 'other_currency', detail: { ...(c.row.currency && { currency: c.row.currency }) } };
    else if (!c.row.invoiceId) c.skip = { reason: 'no_invoice' };
    else if (!c.row.merchantId) c.skip = { reason: 'merchant_not_connected' };
  }

  const byMerchant = new Map<string, Candidate[]>();
  for (const c of candidates.filter((c) => !c.skip)) {
    const merchantId = c.row.merchantId ?? '';
    const group = byMerchant.get(merchantId);
    if (group) group.push(c);
    else byMerchant.set(merchantId, [c]);
  }
  const moved: number[] = [];
  await Promise.all(
    [...byMerchant].map(async ([merchantId, group]) => {
      const skipAll = (reason: SkipReason, error: unknown) => {
        const message = toDeskError(error).message;
        for (const c of group) c.skip = { reason, detail: { message } };
      };
      let client: UapayClient;
      try {
        client = await deps.connections.uapay(merchantId); // no key here, or an unknown merchant
      } catch (error) {
        return skipAll('merchant_not_connected', error);
      }
      let invoices: Map<string, UapayInvoice>;
      try {
        const list = await client.showInvoices(group.map((c) => c.row.invoiceId ?? ''));
        invoices = new Map(list.map((invoice) => [invoice.id, invoice]));
      } catch (error) {
        return skipAll('uapay_unavailable', error);
      }
      for (const c of group) {
        const invoice = invoices.get(c.row.invoiceId ?? '');
        if (!invoice) {
          c.skip = {
            reason: 'no_invoice',
            detail: { message: `UAPAY does not know invoice ${c.row.invoiceId}.` },
          };
          continue;
        }
        const look = interpret(invoice, c.row.state, holdMs, now);
        const fresh = facts(look, holdMs, now);
        deps.orders.patch(c.row.paymentId, { uapay: fresh });
        if (!look.derived.unknown && look.derived.state !== c.row.state) moved.push(c.row.paymentId);
        judge(c, look, fresh.holdExpiresAt, action, now);
      }
    }),
  );
  // Captured or released elsewhere, or expired: status sync writes it to RetailCRM and the list.
  if (moved.length > 0)
    await deps.payments
      .sync(moved)
      .catch((error: unknown) => log.warn('bulk: status sync after the preflight failed', { error }));

  const checked: Checked = { rows: [], items: [] };
  for (const c of out) {
    if ('missing' in c) {
      checked.rows.push({
        paymentId: c.missing,
        orderId: 0,
        orderNumber: '',
        customerName: '',
        amount: kopiyky(0),
        eligible: false,
        reason: 'not_found',
      });
      continue;
    }
    const { row, skip } = c;
    checked.rows.push({
      paymentId: row.paymentId,
      orderId: row.orderId,
      orderNumber: row.orderNumber,
      customerName: row.customerName,
      ...(row.merchantId && { merchantId: row.merchantId }),
      amount: c.held ?? row.amount,
      ...(row.amount !== row.orderTotal && {
        part: { orderTotal: row.orderTotal, owed: stillOwed(row.orderTotal, row.orderPaid) },
      }),
      eligible: !skip,
      ...(skip && { reason: skip.reason }),
      ...(skip?.detail && { detail: skip.detail }),
    });
    if (!skip) checked.items.push({ paymentId: row.paymentId, merchantId: row.merchantId ?? '' });
  }
  return checked;
}

/**
 * The chosen rows in the list's order. A filter means "every payment the list shows under it that
 * the action applies to" — through queryOrders, the very function the list uses; a selection keeps
 * every id, and names those that cannot be acted on.
 */
function select(
  rows: readonly OrderRow[],
  request: PreflightRequest,
  settings: Settings,
  now: Date,
): (Candidate | { missing: number })[] {
  if (request.query) {
    return queryOrders(rows, request.query, { now, ...settingsContext(settings) })
      .rows.filter((row) => canDo(request.action, row.state))
      .map((row) => ({ row }));
  }
  const byId = new Map(rows.map((row) => [row.paymentId, row]));
  return [...new Set(request.paymentIds ?? [])].map((paymentId) => {
    const row = byId.get(paymentId);
    if (!row) return { missing: paymentId };
    if (canDo(request.action, row.state)) return { row };
    return {
      row,
      skip: { reason: row.state === 'expired' ? 'hold_expired' : 'not_held', detail: { state: row.state } },
    };
  });
}

/**
 * UAPAY's fresh answer decides: still held, not near its end, and (confirm) the hold is the
 * payment's own amount and within what the order still owes.
 */
function judge(
  c: Candidate,
  look: Look,
  holdExpiresAt: string | undefined,
  action: BulkAction,
  now: Date,
): void {
  const { state, unknown } = look.derived;
  if (unknown) {
    const message = `UAPAY answered with a payment status the app does not know (${look.payment?.paymentStatus ?? '?'}).`;
    c.skip = { reason: 'uapay_unavailable', detail: { message } };
    return;
  }
  if (state === 'expired') {
    c.skip = { reason: 'hold_expired', detail: { state } };
    return;
  }
  if (state !== 'held' || !look.payment) {
    c.skip = { reason: 'not_held', detail: { state } };
    return;
  }
  const held = kopiyky(look.payment.amount);
  c.held = held;
  if (holdExpiresAt && Date.parse(holdExpiresAt) - now.getTime() <= HOLD_END_MARGIN_MS) {
    c.skip = { reason: 'hold_expired', detail: { holdExpiresAt } };
    return;
  }
  if (action !== 'confirm') return;
  // A split order (a prepayment, a second payment) has payments of their own amounts: a hold is
  // captured whole when it is what its payment asked, and no more than the order still owes.
  const owed = stillOwed(c.row.orderTotal, c.row.orderPaid);
  if (held !== c.row.amount || held > owed)
    c.skip = {
      reason: 'amount_mismatch',
      detail: { held, amount: c.row.amount, orderTotal: c.row.orderTotal, owed },
    };
}
