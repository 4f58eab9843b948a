import type { OrderRow } from '../../shared/orders';
import type { Hint } from '../relay/hints';
import type { PaymentsContext } from './context';
import { attemptOf } from './invoiceBinding';
import { syncStatuses, type SyncResult } from './statusSync';

export interface StatusChecksOptions {
  /** The payments' context, once the journal is open. */
  context: Promise<PaymentsContext>;
  /** The orders list's rows as they are now. */
  rows(): Promise<readonly OrderRow[]>;
  /**
   * How long this desktop waits before acting on a relayed callback. Every desktop of a shop gets
   * each callback at the same moment; different waits let the first one's RetailCRM write be seen
   * by the others, which then have nothing to write. Default: a random 0–800 ms per desktop.
   */
  hintDelayMs?: number;
}

/**
 * When UAPAY is asked about payments (statusSync.ts says how): the background round's look, a
 * person's "Check with UAPAY", a relayed callback. One check runs at a time: one that came while
 * another was writing a payment would find it busy and say nothing changed; waiting, it reads the
 * rows that one left.
 */
export class StatusChecks {
  private readonly hintDelayMs: number;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: StatusChecksOptions) {
    this.hintDelayMs = options.hintDelayMs ?? Math.floor(Math.random() * 800);
  }

  /** Asks UAPAY about the watched payments (or exactly these) now. */
  async sync(paymentIds?: readonly number[]): Promise<SyncResult> {
    const ctx = await this.options.context;
    return this.oneAtATime(async () =>
      syncStatuses(ctx, await this.options.rows(), paymentIds ? { only: new Set(paymentIds) } : {}),
    );
  }

  /**
   * Relayed callbacks: the truth is still fetched from UAPAY, for their payments only. A callback
   * for an invoice no row carries (an older link of an order, paid after a newer one was made) is
   * routed by its signed `extraInfo` and `externalId`.
   */
  async hint(hints: readonly Hint[]): Promise<void> {
    const ctx = await this.options.context;
    if (this.hintDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.hintDelayMs));
    const invoices = new Set(hints.map((hint) => hint.invoiceId));
    const payments = new Set(hints.flatMap((hint) => (hint.crmPaymentId ? [hint.crmPaymentId] : [])));
    const externalIds = hints.flatMap((hint) => (hint.externalId ? [hint.externalId] : []));
    await this.oneAtATime(async () => {
      const matching = (await this.options.rows()).filter(
        (row) =>
          (row.invoiceId && invoices.has(row.invoiceId)) ||
          payments.has(row.paymentId) ||
          externalIds.some((id) => attemptOf(id, row.orderNumber) !== undefined),
      );
      if (matching.length)
        await syncStatuses(ctx, matching, { only: new Set(matching.map((row) => row.paymentId)) });
    });
  }

  private oneAtATime<T>(run: () => Promise<T>): Promise<T> {
    const next = this.running.then(run, run);
    this.running = next.catch(() => undefined);
    return next;
  }
}
