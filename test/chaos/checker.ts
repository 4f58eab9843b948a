/**
 * The invariants after a run, its final reconciliation and the manager's answers, read from the
 * fakes (the truth of each side, truth.ts), both desktops' journal files and the core's list:
 * - per RetailCRM payment, UAPAY's captured minus refunded on its invoice equals what RetailCRM
 *   records as paid (the amount, when its status is a "payment complete" one);
 * - RetailCRM's status is the mapping of UAPAY's state, derived by the core's own lifecycle;
 * - no money on an invoice the app does not watch: every invoice holding money (a hold, or a
 *   capture not all refunded) is its RetailCRM payment's invoice, or shown in that payment's row
 *   as extra money for a person to give back;
 * - every UAPAY money call was sent once, by one operation a journal has (no call without one, no
 *   operation that sent twice);
 * - no operation recorded as not done that UAPAY did, nor as done that UAPAY did not;
 * - every intent in every journal has a result.
 */
import { interpret } from '../../electron/core/payments/look';
import { invoiceReply } from '../../electron/core/uapay/replies';
import type { OrderRow } from '../../electron/shared/orders';
import type { CrmPaymentRow } from './driver';
import type { Violation } from './report';
import {
  callsBySend,
  carriedOut,
  crmPaymentOf,
  holdsMoney,
  moneyKindOf,
  netCaptured,
  paymentTruth,
  readJournals,
  sendsOf,
} from './truth';
import type { World } from './world';

/**
 * `rows`: the first desktop's list after the final status sync (what the core shows a person);
 * undefined when it could not be read, which is reported.
 */
export async function checkInvariants(
  world: World,
  payments: readonly CrmPaymentRow[],
  rows: readonly OrderRow[] | undefined,
): Promise<Violation[]> {
  return [
    ...checkPayments(world, payments),
    ...checkInvoices(world, payments, rows),
    ...(await checkJournals(world)),
  ];
}

function checkPayments(world: World, payments: readonly CrmPaymentRow[]): Violation[] {
  const { sandbox } = world;
  const uapay = sandbox.uapay.fake.state;
  const crm = sandbox.retailcrm.fake.state;
  const mapping = sandbox.profile.settings.statusMapping;
  const holdLifetimeMs = sandbox.profile.settings.holdLifetimeHours * 3_600_000;
  const now = new Date(sandbox.clock.now());

  const violations: Violation[] = [];
  for (const payment of payments) {
    const found = (kind: Violation['kind'], detail: string) =>
      violations.push({ kind, paymentId: payment.id, detail });
    const invoice = payment.externalId ? uapay.invoice(payment.externalId) : undefined;
    if (payment.externalId && !invoice) {
      found('status', `RetailCRM points at invoice ${payment.externalId}, which UAPAY does not know`);
      continue;
    }

    const complete = crm.refs.paymentStatuses.get(payment.status ?? '')?.paymentComplete === true;
    const crmPaid = complete ? payment.amount : 0;
    const uapayPaid = invoice ? netCaptured(world, invoice) : 0;
    if (crmPaid !== uapayPaid) {
      found(
        'money',
        `UAPAY captured minus refunded is ${uapayPaid}, RetailCRM records ${crmPaid} as paid ` +
          `(status ${payment.status}, amount ${payment.amount})`,
      );
    }

    // The core's own reading of UAPAY's answer (the same parser and lifecycle as over HTTP).
    const derived = invoice
      ? interpret(invoiceReply.parse(invoice), payment.state, holdLifetimeMs, now).derived
      : { state: 'no_link' as const };
    if ('unknown' in derived && derived.unknown) continue;
    const expected = mapping[derived.state];
    if (payment.status !== expected) {
      const uapayStates = invoice?.payments.map((p) => `${p.status}/${p.paymentStatus}`).join(', ');
      found(
        'status',
        `RetailCRM says ${payment.status}; UAPAY (${uapayStates || 'no payment'}) means ${derived.state} → ${expected}`,
      );
    }
  }
  return violations;
}

function checkInvoices(
  world: World,
  payments: readonly CrmPaymentRow[],
  rows: readonly OrderRow[] | undefined,
): Violation[] {
  if (!rows) return [{ kind: 'orphan-money', detail: "the core's list could not be read at the end" }];
  const byId = new Map(payments.map((payment) => [payment.id, payment]));
  const extraOf = new Map(rows.map((row) => [row.paymentId, row.uapay?.extra ?? []]));
  const violations: Violation[] = [];
  for (const invoice of world.sandbox.uapay.fake.state.invoices()) {
    const money = invoice.payments
      .map((payment) => paymentTruth(world, invoice, payment.paymentId))
      .filter(holdsMoney);
    if (money.length === 0) continue;
    const paymentId = crmPaymentOf(invoice);
    const payment = paymentId === undefined ? undefined : byId.get(paymentId);
    const what = money.map((t) => (t.captured ? `${t.captured - t.reversed} captured` : 'a hold')).join(', ');
    if (!payment) {
      violations.push({
        kind: 'orphan-money',
        detail: `invoice ${invoice.id} (${invoice.externalId}) holds ${what} for no RetailCRM payment of the run`,
      });
      continue;
    }
    if (payment.externalId === invoice.id) continue;
    if (extraOf.get(payment.id)?.some((extra) => extra.invoiceId === invoice.id)) continue;
    violations.push({
      kind: 'orphan-money',
      paymentId: payment.id,
      detail:
        `invoice ${invoice.id} (${invoice.externalId}) holds ${what}; RetailCRM points at ` +
        `${payment.externalId ?? 'no invoice'} and the core's row shows no extra money on it`,
    });
  }
  return violations;
}

async function checkJournals(world: World): Promise<Violation[]> {
  const violations: Violation[] = [];
  const journals = await readJournals(world);
  for (const [desk, operations] of journals.entries()) {
    for (const { intent, steps, result } of operations) {
      if (result) continue;
      violations.push({
        kind: 'journal',
        paymentId: intent.crmPaymentId,
        detail: `desktop ${desk + 1}: ${intent.kind} ${intent.opId} (${intent.at}) has no result; steps: ${
          steps.map((s) => s.step).join(', ') || 'none'
        }`,
      });
    }
  }

  const sends = sendsOf(journals);
  const calls = callsBySend(world, sends);
  for (const call of calls.unsent) {
    violations.push({
      kind: 'double-call',
      detail: `UAPAY got ${call.method} for payment ${call.target.paymentId} (at ${new Date(call.at).toISOString()}) that no journal sent`,
    });
  }
  for (const { operation, desk, kind, uapayPaymentId } of sends) {
    const { intent, result } = operation;
    const own = calls.of(intent.opId);
    const where = `desktop ${desk + 1}: ${kind} ${intent.opId} on UAPAY payment ${uapayPaymentId}`;
    if (own.length > 1)
      violations.push({
        kind: 'double-call',
        paymentId: intent.crmPaymentId,
        detail: `${where} reached UAPAY ${own.length} times (${own.map((c) => c.outcome).join(', ')})`,
      });
    if (!result) continue;
    const done = carriedOut(own);
    const recordedNotDone = result.outcome === 'failed' || result.detail?.happened === false;
    if (recordedNotDone && done)
      violations.push({
        kind: 'not-done-but-done',
        paymentId: intent.crmPaymentId,
        detail: `${where} is recorded as ${result.outcome}${
          result.detail?.why ? ` (${String(result.detail.why)})` : ''
        }, but UAPAY carried it out`,
      });
    if (result.detail?.happened === true && !done)
      violations.push({
        kind: 'done-but-not-done',
        paymentId: intent.crmPaymentId,
        detail: `${where} is recorded as done, but UAPAY carried out no such call (${
          own.map((c) => c.outcome).join(', ') || 'none arrived'
        })`,
      });
  }
  return violations;
}

/** UAPAY money calls the sandbox received in the run. */
export function moneyCalls(world: World): number {
  return world.sandbox.uapay.fake.control.callLog().filter((call) => moneyKindOf(call)).length;
}
