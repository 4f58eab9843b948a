/**
 * The invariants after a run and its final reconciliation, read from the fakes (the truth of each
 * side) and the core's journal file:
 * - per RetailCRM payment, UAPAY's captured minus refunded equals what RetailCRM records as paid
 *   (the amount, when its status is a "payment complete" one), and no money sits on another
 *   invoice made for it;
 * - RetailCRM's status is the mapping of UAPAY's state, derived by the core's own lifecycle;
 * - no UAPAY money call was sent more often than the journal has intents that sent it;
 * - every intent in the journal has a result.
 */
import { Journal } from '../../electron/core/journal/journal';
import { deriveState, type UapayInvoiceView } from '../../electron/core/lifecycle';
import type { InvoiceView } from '../../electron/sandbox/uapay';
import type { StatusMapping } from '../../electron/shared/settings';
import { JOURNAL_STEPS } from '../../electron/shared/journalSteps';
import { extraInfoOf } from '../support/readings';
import type { CrmPaymentRow } from './driver';
import type { Violation } from './report';
import type { World } from './world';

const MONEY_KIND: Record<string, string> = {
  'invoicer/payments/complete': 'payment.confirm',
  'invoicer/payments/cancel': 'payment.cancel',
  'invoicer/payments/reverse': 'payment.refund',
};

export async function checkInvariants(
  world: World,
  payments: readonly CrmPaymentRow[],
): Promise<Violation[]> {
  return [...checkPayments(world, payments), ...(await checkJournal(world))];
}

/**
 * Kopiyky UAPAY captured on an invoice and did not give back: from the fake's own facts, which are
 * the same under every reading (the status labels are not).
 */
function uapayNet(world: World, invoice: InvoiceView): number {
  let net = 0;
  for (const payment of invoice.payments) {
    const money = world.sandbox.uapay.fake.state.money(payment.paymentId);
    if (money) net += money.captured - money.reversed;
  }
  return net;
}

/** Whether a card ever gave money to the invoice (held, paid or captured, refunded or not). */
function holdsMoney(world: World, invoice: InvoiceView): boolean {
  return invoice.payments.some((p) => {
    const phase = world.sandbox.uapay.fake.state.money(p.paymentId)?.phase;
    return phase === 'held' || phase === 'paid' || phase === 'captured';
  });
}

function toView(invoice: InvoiceView): UapayInvoiceView {
  return {
    invoiceStatus: invoice.invoiceStatus,
    payments: invoice.payments.map((p) => ({
      paymentId: p.paymentId,
      status: p.status,
      paymentStatus: p.paymentStatus,
      amount: p.amount,
      ...(p.createdAt && { createdAt: new Date(p.createdAt) }),
    })),
  };
}

function checkPayments(world: World, payments: readonly CrmPaymentRow[]): Violation[] {
  const { sandbox } = world;
  const uapay = sandbox.uapay.fake.state;
  const crm = sandbox.retailcrm.fake.state;
  const mapping = sandbox.profile.settings.statusMapping as StatusMapping;
  const holdLifetimeMs = sandbox.profile.settings.holdLifetimeHours * 3_600_000;
  const now = new Date(sandbox.clock.now());
  const invoicesOf = new Map<number, InvoiceView[]>();
  for (const invoice of uapay.invoices()) {
    const paymentId = extraInfoOf(invoice.extraInfo)?.paymentId;
    if (typeof paymentId === 'number')
      invoicesOf.set(paymentId, [...(invoicesOf.get(paymentId) ?? []), invoice]);
  }

  const violations: Violation[] = [];
  for (const payment of payments) {
    const found = (kind: Violation['kind'], detail: string) =>
      violations.push({ kind, paymentId: payment.id, detail });
    const invoice = payment.externalId ? uapay.invoice(payment.externalId) : undefined;
    if (payment.externalId && !invoice) {
      found('status', `RetailCRM points at invoice ${payment.externalId}, which UAPAY does not know`);
      continue;
    }
    for (const other of invoicesOf.get(payment.id) ?? []) {
      if (other.id !== payment.externalId && holdsMoney(world, other))
        found(
          'orphan-money',
          `invoice ${other.id} holds money, but RetailCRM points at ${payment.externalId}`,
        );
    }

    const complete = crm.refs.paymentStatuses.get(payment.status ?? '')?.paymentComplete === true;
    const crmPaid = complete ? payment.amount : 0;
    const uapayPaid = invoice ? uapayNet(world, invoice) : 0;
    if (crmPaid !== uapayPaid) {
      found(
        'money',
        `UAPAY captured minus refunded is ${uapayPaid}, RetailCRM records ${crmPaid} as paid ` +
          `(status ${payment.status}, amount ${payment.amount})`,
      );
    }

    const derived = invoice
      ? deriveState({ invoice: toView(invoice), previous: payment.state, holdLifetimeMs, now })
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

async function checkJournal(world: World): Promise<Violation[]> {
  const violations: Violation[] = [];
  const journal = await Journal.open(world.dir);
  try {
    for (const operation of journal.unfinished()) {
      const { intent } = operation;
      violations.push({
        kind: 'journal',
        paymentId: intent.crmPaymentId,
        detail: `${intent.kind} ${intent.opId} (${intent.at}) has no result; steps: ${
          operation.steps.map((s) => s.step).join(', ') || 'none'
        }`,
      });
    }
    const sent = new Map<string, number>();
    for (const operation of journal.list()) {
      for (const step of operation.steps) {
        if (step.step !== JOURNAL_STEPS.uapaySent || typeof step.detail?.paymentId !== 'string') continue;
        const key = `${operation.intent.kind} ${step.detail.paymentId}`;
        sent.set(key, (sent.get(key) ?? 0) + 1);
      }
    }
    const calls = new Map<string, { count: number; crmPaymentId?: number }>();
    for (const call of world.sandbox.uapay.fake.control.callLog()) {
      const kind = MONEY_KIND[call.method];
      if (!kind) continue;
      const key = `${kind} ${call.target.paymentId}`;
      calls.set(key, { count: (calls.get(key)?.count ?? 0) + 1 });
    }
    for (const [key, { count }] of calls) {
      const intents = sent.get(key) ?? 0;
      if (count > intents)
        violations.push({
          kind: 'double-call',
          detail: `${key}: UAPAY got ${count} calls, the journal has ${intents} intents that sent one`,
        });
    }
  } finally {
    await journal.close();
  }
  return violations;
}

/** UAPAY money calls the sandbox received in the run. */
export function moneyCalls(world: World): number {
  return world.sandbox.uapay.fake.control.callLog().filter((call) => MONEY_KIND[call.method]).length;
}
