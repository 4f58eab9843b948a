import type { OperationOutcome } from '../../shared/channels/payments';
import type { LifecycleState } from '../../shared/lifecycle';
import { kopiyky, type Kopiyky } from '../../shared/money';
import { DeskFailure, NetworkError, RefusedError, toDeskError } from '../errors';
import type { IntentRecord, Operation } from '../journal/records';
import { log } from '../log';
import { LOCAL_CODES, UapayError } from '../uapay/errors';
import type { UapayClient } from '../uapay/client';
import { DEFAULT_LOOK_AGAIN_MS, type PaymentsContext, type PaymentTarget } from './context';
import { mappedStatus, writeToCrm, type CrmResult } from './crmWrite';
import { look, type Look } from './look';
import { MONEY_OPERATIONS, type MoneyKind } from './moneyOperations';

/** What a money operation's states must be mapped to before it may start. */
const NEEDS_MAPPING: Record<MoneyKind, LifecycleState[]> = {
  'payment.confirm': ['paid'],
  'payment.cancel': ['rejected'],
  'payment.refund': ['refunded', 'partially_refunded'],
};

/** A refund with no clear answer stays open this long before it is taken as not done. */
export const REFUND_SETTLE_MS = 10 * 60 * 1000;

/**
 * Runs confirm, cancel and refund, each in the four steps of STYLE.md: lock the payment and write
 * the intent (journal) → call UAPAY and confirm with invoices/show → write RetailCRM → write the
 * result (unlock). Bulk runs and reconciliation after a crash use this same code.
 */
export class MoneyRunner {
  /** Operations this process is running now: reconciliation leaves them alone. */
  private readonly running = new Set<string>();

  constructor(private readonly ctx: PaymentsContext) {}

  async run(kind: MoneyKind, target: PaymentTarget, request: { amount?: Kopiyky; batchId?: string } = {}) {
    const definition = MONEY_OPERATIONS[kind];
    const settings = await this.ctx.settings();
    if (!target.invoiceId) throw new RefusedError('no_invoice', 'This payment has no UAPAY invoice yet.');
    if (!target.merchantId)
      throw new RefusedError('not_linked', 'This payment type is not linked to a merchant.');
    for (const state of NEEDS_MAPPING[kind]) mappedStatus(settings, state);
    const client = await this.ctx.connections.uapay(target.merchantId);
    const holdLifetimeMs = settings.holdLifetimeHours * 3_600_000;

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
      detail: { crmAmount: target.amount, crmComment: target.comment ?? null, link: target.link ?? null },
    });
    this.running.add(intent.opId);
    this.ctx.onRowChange?.(target.paymentId, {
      lastOperation: { kind, at: intent.at, outcome: 'in_progress' },
    });
    try {
      let current: Look;
      try {
        current = await look(client, target.invoiceId, target.state, holdLifetimeMs, this.ctx.now());
        definition.check(current, intent);
      } catch (error) {
        await this.fail(intent, error); // nothing was sent to UAPAY
        throw error;
      }
      const payment = current.payment;
      if (!payment) throw new Error('check() passed without a UAPAY payment');
      const baseline = definition.baseline?.(current);
      await this.ctx.journal.step(intent.opId, 'uapay-sent', {
        paymentId: payment.paymentId,
        ...(baseline && { baseline }),
      });

      let sendError: unknown;
      try {
        await definition.send(
          client,
          { invoiceId: target.invoiceId, paymentId: payment.paymentId },
          intent,
          current,
        );
      } catch (error) {
        sendError = error;
      }
      const happened = (l: Look) => definition.happened(l, intent, baseline);
      const waits = sendError === undefined || isAmbiguous(sendError) ? this.lookAgain() : [];
      current = await this.lookUntil(client, target, holdLifetimeMs, happened, waits);

      if (!happened(current)) {
        if (sendError !== undefined && !isAmbiguous(sendError)) {
          await this.fail(intent, sendError); // UAPAY said no, and its state agrees
          throw sendError;
        }
        const unclear =
          sendError ??
          new NetworkError('uapay', 'server', 'UAPAY accepted the call, but its state did not change.');
        if (kind === 'payment.refund') {
          await this.ctx.journal.step(intent.opId, 'awaiting-uapay', { error: toDeskError(unclear) });
          return {
            opId: intent.opId,
            outcome: 'awaiting_uapay',
            state: target.state,
          } satisfies OperationOutcome;
        }
        await this.fail(intent, unclear);
        throw unclear;
      }
      if (sendError !== undefined)
        log.warn('payments: the call failed but UAPAY shows it done', { opId: intent.opId });
      await this.ctx.journal.step(intent.opId, 'uapay-confirmed', {
        status: current.payment?.status ?? null,
        paymentStatus: current.payment?.paymentStatus ?? null,
        amount: current.payment?.amount ?? null,
      });
      return await this.complete(intent, definition.result(current, intent), 'succeeded');
    } finally {
      this.running.delete(intent.opId);
    }
  }

  /**
   * Closes an operation left open by a crash, a RetailCRM outage or an unclear refund: asks UAPAY
   * what happened and finishes the job or records that it did not happen. Never calls UAPAY's
   * money methods. Returns false when it must be tried again later (UAPAY or RetailCRM away).
   */
  async reconcile(operation: Operation): Promise<boolean> {
    const { intent } = operation;
    if (this.running.has(intent.opId) || operation.result) return true;
    const kind = intent.kind as MoneyKind;
    const definition = MONEY_OPERATIONS[kind];
    const sent = operation.steps.find((step) => step.step === 'uapay-sent');
    if (!sent) {
      await this.ctx.journal.finish(intent.opId, {
        outcome: 'reconciled',
        ...(intent.before && { after: intent.before }),
        detail: { happened: false, why: 'stopped before anything was sent to UAPAY' },
      });
      return true;
    }
    try {
      const settings = await this.ctx.settings();
      const client = await this.ctx.connections.uapay(intent.merchantId ?? '');
      const current = await look(
        client,
        intent.invoiceId ?? '',
        intent.before as LifecycleState | undefined,
        settings.holdLifetimeHours * 3_600_000,
        this.ctx.now(),
      );
      const baseline = sent.detail?.baseline as Record<string, unknown> | undefined;
      if (definition.happened(current, intent, baseline)) {
        const outcome = await this.complete(intent, definition.result(current, intent), 'reconciled');
        return outcome.outcome !== 'crm_pending';
      }
      const age = this.ctx.now().getTime() - new Date(intent.at).getTime();
      if (kind === 'payment.refund' && age < REFUND_SETTLE_MS) return false;
      await this.ctx.journal.finish(intent.opId, {
        outcome: 'reconciled',
        after: current.derived.state,
        detail: { happened: false, why: 'UAPAY shows it did not happen' },
      });
      this.ctx.onRowChange?.(intent.crmPaymentId, {
        lastOperation: { kind, at: intent.at, outcome: 'reconciled' },
      });
      return true;
    } catch (error) {
      log.warn('payments: reconciliation must wait', { opId: intent.opId, error });
      return false;
    }
  }

  private async complete(
    intent: IntentRecord,
    result: CrmResult,
    outcome: 'succeeded' | 'reconciled',
  ): Promise<OperationOutcome> {
    let crmStatus: string;
    try {
      crmStatus = await writeToCrm(this.ctx, intent, result);
    } catch (error) {
      await this.ctx.journal.step(intent.opId, 'crm-pending', { error: toDeskError(error) });
      this.ctx.onRowChange?.(intent.crmPaymentId, { state: result.state });
      return { opId: intent.opId, outcome: 'crm_pending', state: result.state };
    }
    await this.ctx.journal.finish(intent.opId, {
      outcome,
      after: result.state,
      ...(result.amount !== undefined && { amount: result.amount }),
    });
    this.ctx.onRowChange?.(intent.crmPaymentId, {
      state: result.state,
      crmStatus,
      ...(result.amount !== undefined && { amount: kopiyky(result.amount) }),
      lastOperation: { kind: intent.kind, at: intent.at, outcome },
    });
    return {
      opId: intent.opId,
      outcome,
      state: result.state,
      ...(result.amount !== undefined && { amount: result.amount }),
    };
  }

  private async fail(intent: IntentRecord, error: unknown): Promise<void> {
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
    this.ctx.onRowChange?.(intent.crmPaymentId, {
      lastOperation: { kind: intent.kind, at: intent.at, outcome: 'failed' },
    });
  }

  private lookAgain(): readonly number[] {
    return this.ctx.lookAgainMs ?? DEFAULT_LOOK_AGAIN_MS;
  }

  /** Looks now, then after each wait until `done` — a lost reply often means it did happen. */
  private async lookUntil(
    client: UapayClient,
    target: PaymentTarget,
    holdLifetimeMs: number,
    done: (l: Look) => boolean,
    waits: readonly number[],
  ): Promise<Look> {
    let last: Look | undefined;
    let lastError: unknown;
    for (const wait of [0, ...waits]) {
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        last = await look(client, target.invoiceId ?? '', target.state, holdLifetimeMs, this.ctx.now());
        if (done(last)) return last;
      } catch (error) {
        lastError = error; // UAPAY away for a moment: look again
      }
    }
    if (last) return last;
    throw lastError;
  }
}

/** A failure that does not say whether UAPAY did the work: no reply, a gateway page, a bad reply. */
function isAmbiguous(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof UapayError)
    return error.code === LOCAL_CODES.badSignature || error.code === LOCAL_CODES.badReply;
  return !(error instanceof DeskFailure);
}
