import type { OperationOutcome } from '../../shared/channels/payments';
import { JOURNAL_STEPS } from '../../shared/journalSteps';
import type { LifecycleState } from '../../shared/lifecycle';
import { kopiyky, type Kopiyky } from '../../shared/money';
import { NetworkError, neverSent, RefusedError, toDeskError } from '../errors';
import type { Actor, IntentRecord, Operation } from '../journal/records';
import { stateForCrmStatus } from '../lifecycle';
import { log } from '../log';
import { isLocalCode, UapayError } from '../uapay/errors';
import type { MoneyReply, UapayClient } from '../uapay/client';
import type { UapayPayment } from '../uapay/replies';
import { DEFAULT_LOOK_AGAIN_MS, type PaymentsContext, type PaymentTarget } from './context';
import { mappedStatus, writeToCrm } from './crmWrite';
import { checkBinding } from './invoiceBinding';
import { acquireLease, updateLease, type LeasedPayment } from './lease';
import { look, type Look } from './look';
import { decisionOf, journalTotals } from './moneyJournal';
import { cancel } from './cancel';
import { confirm } from './confirm';
import type { Decision, MoneyOperation, Observed } from './moneyOperation';
import { refund } from './refund';

/** The journal kinds of the money operations. */
export type MoneyKind = (typeof confirm | typeof cancel | typeof refund)['kind'];

/** Every money operation by its journal kind: a run names one; an open intent finds its own here. */
const MONEY_OPERATIONS: Record<MoneyKind, MoneyOperation> = {
  [confirm.kind]: confirm,
  [cancel.kind]: cancel,
  [refund.kind]: refund,
};

export function isMoneyKind(kind: string): kind is MoneyKind {
  return Object.hasOwn(MONEY_OPERATIONS, kind);
}

/**
 * Runs confirm, cancel and refund, each in the four steps of STYLE.md: lock the payment (journal
 * here, a lock line in RetailCRM for the shop's other desktops) and write the intent → decide
 * from UAPAY's invoices/show and journal the decision → call UAPAY: its signed `status: 1` is the
 * success; a lost or unclear reply is looked up in invoices/show (never sent again) → write
 * RetailCRM, write the result (unlock). When UAPAY's state cannot tell whether a call happened,
 * the payment stays locked and waits for a person (`needs_attention`); nothing is ever recorded as
 * not done by a timeout alone. Bulk runs, reconciliation and resolution use this same code.
 */
export class MoneyRunner {
  /** Operations this process is running now: reconciliation leaves them alone. */
  private readonly running = new Set<string>();

  constructor(private readonly ctx: PaymentsContext) {}

  async run(
    kind: MoneyKind,
    target: PaymentTarget,
    request: {
      amount?: Kopiyky;
      batchId?: string;
      /**
       * The operation gives back money that arrived on an extra invoice of the payment (two links
       * paid): the RetailCRM payment keeps its invoice, status and amount; only the audit line is added.
       */
      extra?: boolean;
    } = {},
  ): Promise<OperationOutcome> {
    const definition = MONEY_OPERATIONS[kind];
    const settings = await this.ctx.settings();
    if (!target.invoiceId) throw new RefusedError('no_invoice', 'This payment has no UAPAY invoice yet.');
    if (!target.merchantId)
      throw new RefusedError('not_linked', 'This payment type is not linked to a merchant.');
    for (const state of definition.writes) mappedStatus(settings, state);
    const client = await this.ctx.connections.uapay(target.merchantId);

    const intent = await this.ctx.journal.begin({
      kind,
      orderId: target.orderId,
      orderNumber: target.orderNumber,
      crmPaymentId: target.paymentId,
      merchantId: target.merchantId,
      invoiceId: target.invoiceId,
      before: target.state,
      ...(request.amount !== undefined && { amount: request.amount }),
      ...(request.batchId && { batchId: request.batchId }),
      detail: { crmAmount: target.amount, link: target.link ?? null, ...(request.extra && { extra: true }) },
    });
    this.running.add(intent.opId);
    this.ctx.onRowChange?.(target.paymentId, {
      lastOperation: { kind, at: intent.at, outcome: 'in_progress' },
    });
    try {
      let decision: Decision;
      let leased: LeasedPayment | undefined;
      try {
        const crm = await acquireLease(this.ctx, intent);
        leased = crm;
        if (((crm.externalId ?? '') === target.invoiceId) === !!request.extra) {
          throw new RefusedError(
            'invoice_changed',
            'RetailCRM names another UAPAY invoice for this payment than the list showed. Refresh the list and look again.',
          );
        }
        const crmState = request.extra ? undefined : stateForCrmStatus(crm.status, settings.statusMapping);
        await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.leased, {
          crmAmount: crm.amount ?? null,
          crmStatus: crm.status ?? null,
        });
        const current = await this.look(client, target.invoiceId, crmState ?? target.state);
        checkBinding(current.invoice, target);
        decision = definition.decide(current, {
          intent,
          // RetailCRM's record is of the payment's own invoice, not of an extra one.
          crm: request.extra
            ? { amount: kopiyky(current.payment?.amount ?? 0), state: current.derived.state }
            : { amount: crm.amount ?? kopiyky(0), ...(crmState && { state: crmState }) },
          journal: current.payment
            ? journalTotals(this.ctx.journal, target.paymentId, current.payment.paymentId)
            : { refunded: kopiyky(0) },
        });
        if (intent.kind === 'payment.refund') await this.withDetailBaseline(client, decision);
      } catch (error) {
        await this.fail(intent, error, leased !== undefined); // nothing was sent to UAPAY
        throw error;
      }
      // The decision is on disk before the call: every later path finishes it the same way.
      await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.uapaySent, { decision });

      let reply: MoneyReply | undefined;
      let sendError: unknown;
      try {
        reply = await definition.send(
          client,
          { invoiceId: target.invoiceId, paymentId: decision.uapayPaymentId },
          decision,
        );
      } catch (error) {
        sendError = error;
      }
      if (reply?.signed) {
        await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.uapayConfirmed, { by: 'signed reply' });
        return await this.complete(intent, decision, 'succeeded');
      }
      // UAPAY said no (its error envelope, reference §2.5), or the call never left (no connection):
      // unless UAPAY's state shows it done anyway, it did not happen.
      const refused = sendError !== undefined && (isRefusal(sendError) || neverSent(sendError));
      const observed = await this.observeUntil(
        client,
        intent,
        decision,
        refused ? [] : (this.ctx.lookAgainMs ?? DEFAULT_LOOK_AGAIN_MS),
      );
      if (observed.verdict === 'done') {
        log.warn('payments: no signed success, but UAPAY shows it done', { opId: intent.opId });
        await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.uapayConfirmed, { by: 'uapay state' });
        return await this.complete(intent, decision, 'succeeded');
      }
      const unclear =
        sendError ??
        new NetworkError(
          'uapay',
          'server',
          'UAPAY answered without a signed confirmation; the answer was not used.',
        );
      if (refused || observed.verdict === 'not_done') {
        await this.fail(intent, unclear, true);
        throw unclear;
      }
      return await this.needsAttention(intent, decision, unclear, observed.payment);
    } finally {
      this.running.delete(intent.opId);
    }
  }

  /**
   * Closes an operation left open by a crash, a RetailCRM outage or an unclear reply: asks UAPAY
   * what happened and finishes the job, or records that it did not happen when UAPAY's state says
   * so. Never calls UAPAY's money methods. Returns false while it stays open (UAPAY or RetailCRM
   * away, or a person must decide).
   */
  async reconcile(operation: Operation): Promise<boolean> {
    const { intent } = operation;
    if (this.running.has(intent.opId) || operation.result) return true;
    const decision = decisionOf(operation);
    if (!decision) {
      await this.notHappened(intent, 'stopped before anything was sent to UAPAY', intent.before);
      return true;
    }
    try {
      if (operation.steps.some((step) => step.step === JOURNAL_STEPS.uapayConfirmed)) {
        return (await this.complete(intent, decision, 'reconciled')).outcome !== 'crm_pending';
      }
      const client = await this.ctx.connections.uapay(intent.merchantId ?? '');
      const observed = await this.observeUntil(client, intent, decision, []);
      if (observed.verdict === 'done') {
        await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.uapayConfirmed, { by: 'uapay state' });
        return (await this.complete(intent, decision, 'reconciled')).outcome !== 'crm_pending';
      }
      if (observed.verdict === 'not_done') {
        await this.notHappened(intent, 'UAPAY shows it did not happen', observed.state);
        return true;
      }
      if (!operation.steps.some((step) => step.step === JOURNAL_STEPS.needsAttention)) {
        await this.needsAttention(
          intent,
          decision,
          new NetworkError('uapay', 'server', 'The app stopped before UAPAY answered.'),
          observed.payment,
        );
      }
      return false;
    } catch (error) {
      log.warn('payments: reconciliation must wait', { opId: intent.opId, error });
      return false;
    }
  }

  /**
   * A manager's word on an operation UAPAY's state could not settle, after checking the UAPAY
   * cabinet: it happened (the result is written as if UAPAY had confirmed it) or it did not (the
   * payment is released as it was). Both are journaled with who and when.
   */
  async resolve(operation: Operation, happened: boolean, actor: Actor): Promise<OperationOutcome> {
    const { intent } = operation;
    const decision = decisionOf(operation);
    const waiting = operation.steps.some((step) => step.step === JOURNAL_STEPS.needsAttention);
    if (operation.result || !decision || !waiting || this.running.has(intent.opId)) {
      throw new RefusedError('not_unclear', 'This operation is not waiting for a decision any more.');
    }
    await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.resolved, {
      happened,
      by: actor.managerName || actor.osUser,
      osUser: actor.osUser,
    });
    if (happened) {
      await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.uapayConfirmed, { by: 'manager' });
      return this.complete(intent, decision, 'reconciled');
    }
    await this.notHappened(intent, 'a manager checked the UAPAY cabinet: it did not happen', intent.before);
    return { opId: intent.opId, outcome: 'reconciled', state: (intent.before ?? 'paid') as LifecycleState };
  }

  private async look(
    client: UapayClient,
    invoiceId: string,
    previous: LifecycleState | undefined,
  ): Promise<Look> {
    const settings = await this.ctx.settings();
    return look(client, invoiceId, previous, settings.holdLifetimeHours * 3_600_000, this.ctx.now());
  }

  /**
   * A refund's proof after an unclear reply is a reversal newer than the last one before the call,
   * and under some readings only payments/show carries the reversal time (reference §3.5). So the
   * "before" is read from there too: otherwise an earlier partial refund, seen only on payments/show,
   * would pass for this one. When it cannot be read, nothing is sent.
   */
  private async withDetailBaseline(client: UapayClient, decision: Decision): Promise<void> {
    const detail = await client.showPayment(decision.uapayPaymentId);
    const times = [decision.baseline.reversedAt, detail.reversedAt?.toISOString()]
      .filter((time): time is string => !!time)
      .sort((a, b) => Date.parse(a) - Date.parse(b));
    decision.baseline.reversedAt = times.at(-1) ?? null;
  }

  /**
   * Reads UAPAY now, then after each wait, until its state tells. A refund's reversal time is
   * documented only on payments/show (reference §3.5), so that is read too.
   */
  private async observeUntil(
    client: UapayClient,
    intent: IntentRecord,
    decision: Decision,
    waits: readonly number[],
  ): Promise<{ verdict: Observed; payment?: UapayPayment; state?: LifecycleState }> {
    const definition = MONEY_OPERATIONS[intent.kind as MoneyKind];
    let last: { verdict: Observed; payment?: UapayPayment; state?: LifecycleState } = { verdict: 'unclear' };
    let lastError: unknown;
    for (const wait of [0, ...waits]) {
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        const current = await this.look(
          client,
          intent.invoiceId ?? '',
          intent.before as LifecycleState | undefined,
        );
        const detail =
          definition.readsPaymentAfter && decision.uapayPaymentId
            ? await client.showPayment(decision.uapayPaymentId).catch(() => undefined)
            : undefined;
        const verdict = definition.observe(current, decision, detail);
        last = {
          verdict,
          ...((detail ?? current.payment) && { payment: detail ?? current.payment }),
          state: current.derived.state,
        };
        if (verdict !== 'unclear') return last;
      } catch (error) {
        lastError = error; // UAPAY away for a moment: look again
      }
    }
    if (last.payment || lastError === undefined) return last;
    throw lastError;
  }

  /**
   * Writes the result onto the payment as RetailCRM has it now (writeToCrm reads it): other desktops
   * keep off a claimed payment, but people do not, and a note added while UAPAY answered stays.
   */
  private async complete(
    intent: IntentRecord,
    decision: Decision,
    outcome: 'succeeded' | 'reconciled',
  ): Promise<OperationOutcome> {
    const result = MONEY_OPERATIONS[intent.kind as MoneyKind].result(decision, new Date(intent.at));
    const summary = {
      opId: intent.opId,
      state: result.state,
      amount: result.moved,
      ...(result.remaining !== undefined && { remaining: result.remaining }),
    };
    const extra = intent.detail?.extra === true;
    let crmStatus: string;
    try {
      crmStatus = await writeToCrm(this.ctx, intent, {
        state: result.state,
        amount: result.crmAmount,
        moved: result.moved,
        ...(result.paidAt && { paidAt: result.paidAt }),
        ...(extra && { auditOnly: true }),
      });
    } catch (error) {
      await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.crmPending, { error: toDeskError(error) });
      this.ctx.onRowChange?.(intent.crmPaymentId, { state: result.state });
      return { ...summary, outcome: 'crm_pending' };
    }
    await this.ctx.journal.finish(intent.opId, {
      outcome,
      after: result.state,
      amount: result.moved,
      ...(result.remaining !== undefined && { remaining: result.remaining }),
      detail: {
        happened: true,
        uapayPaymentId: decision.uapayPaymentId,
        moved: result.moved,
        crmAmount: result.crmAmount,
      },
    });
    this.ctx.onRowChange?.(
      intent.crmPaymentId,
      extra
        ? { lastOperation: { kind: intent.kind, at: intent.at, outcome } }
        : {
            state: result.state,
            crmStatus,
            amount: result.crmAmount,
            lastOperation: { kind: intent.kind, at: intent.at, outcome },
          },
    );
    return { ...summary, outcome };
  }

  /** Locked for a person: the facts in the journal, a mark in RetailCRM for the other desktops. */
  private async needsAttention(
    intent: IntentRecord,
    decision: Decision,
    why: unknown,
    payment: UapayPayment | undefined,
  ): Promise<OperationOutcome> {
    await this.ctx.journal.step(intent.opId, JOURNAL_STEPS.needsAttention, {
      error: toDeskError(why),
      sent: {
        amount: decision.amount,
        ...(decision.sendAmount !== undefined && { sendAmount: decision.sendAmount }),
      },
      uapay: payment
        ? {
            status: payment.status ?? null,
            paymentStatus: payment.paymentStatus ?? null,
            amount: payment.amount,
            reversedAt: payment.reversedAt?.toISOString() ?? null,
          }
        : null,
    });
    await updateLease(this.ctx, intent, 'attention').catch((error: unknown) =>
      log.warn('payments: could not mark the payment in RetailCRM', { opId: intent.opId, error }),
    );
    this.ctx.onRowChange?.(intent.crmPaymentId, {
      lastOperation: { kind: intent.kind, at: intent.at, outcome: 'needs_attention' },
    });
    return {
      opId: intent.opId,
      outcome: 'needs_attention',
      state: (intent.before ?? 'paid') as LifecycleState,
      amount: decision.amount,
    };
  }

  private async notHappened(intent: IntentRecord, why: string, after: string | undefined): Promise<void> {
    await this.ctx.journal.finish(intent.opId, {
      outcome: 'reconciled',
      ...(after && { after }),
      detail: { happened: false, why },
    });
    await this.releaseLease(intent);
    this.ctx.onRowChange?.(intent.crmPaymentId, {
      lastOperation: { kind: intent.kind, at: intent.at, outcome: 'reconciled' },
    });
  }

  private async fail(intent: IntentRecord, error: unknown, leased: boolean): Promise<void> {
    const info = toDeskError(error);
    await this.ctx.journal.finish(intent.opId, {
      outcome: 'failed',
      ...(intent.before && { after: intent.before }),
      error: {
        kind: info.kind,
        message: info.message,
        ...('code' in info && typeof info.code === 'string' && { code: info.code }),
        ...('reason' in info && typeof info.reason === 'string' && { code: info.reason }),
      },
    });
    if (leased) await this.releaseLease(intent);
    this.ctx.onRowChange?.(intent.crmPaymentId, {
      lastOperation: { kind: intent.kind, at: intent.at, outcome: 'failed' },
    });
  }

  /** Best effort: a lock left behind expires by itself (lease.ts). */
  private async releaseLease(intent: IntentRecord): Promise<void> {
    await updateLease(this.ctx, intent, 'clear').catch((error: unknown) =>
      log.warn('payments: could not clear the lock in RetailCRM; it expires by itself', {
        opId: intent.opId,
        error,
      }),
    );
  }
}

/** UAPAY answered with its error envelope: it did not run the call (our own codes say nothing). */
function isRefusal(error: unknown): boolean {
  return error instanceof UapayError && !isLocalCode(error.code);
}
