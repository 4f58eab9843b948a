import { log } from '../log';

/** What a verified callback says: look at this invoice now. */
export interface Hint {
  invoiceId: string;
  merchantId: string;
  paymentId?: string;
  /** From the signed callback: where an invoice no row carries belongs (an older link of an order). */
  externalId?: string;
  crmPaymentId?: number;
}

/**
 * Runs status sync for the invoices (invoices/show is the truth; a callback only says when to
 * look). Unique invoice ids, at most `HINT_BATCH_MAX` per call; `hints` carries the sender merchant
 * of each. Rejecting marks the batch failed (the status poller still catches those payments up).
 */
export type HintHandler = (invoiceIds: string[], hints: Hint[]) => Promise<void> | void;

/** Hints closer together than this go to the handler in one call (a burst of payments → one sync). */
const HINT_WINDOW_MS = 100;
/** invoices/show takes up to 100 ids at a time (reference §3.4): one batch fits one request. */
const HINT_BATCH_MAX = 100;

/** How a hint ended: handled, its handler failed, or dropped by close() before it ran. */
export type HintOutcome = 'handled' | 'failed' | 'dropped';

interface Batch {
  hints: Map<string, Hint>;
  settle: Array<(outcome: HintOutcome) => void>;
}

/**
 * Collects hints for `windowMs` after the first and hands them on as one batch; one batch runs at
 * a time, in order. The same invoice twice in a batch is asked about once.
 */
export class HintBatcher {
  private pending: Batch | undefined;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly handler: HintHandler,
    private readonly options: { windowMs?: number; maxBatch?: number } = {},
  ) {}

  /** Resolves when the batch holding the hint has run. */
  add(hint: Hint): Promise<HintOutcome> {
    if (this.closed) return Promise.resolve('dropped');
    if (!this.pending) {
      this.pending = { hints: new Map(), settle: [] };
      this.timer = setTimeout(() => this.flush(), this.options.windowMs ?? HINT_WINDOW_MS);
    }
    const batch = this.pending;
    batch.hints.set(hint.invoiceId, hint);
    const outcome = new Promise<HintOutcome>((resolve) => batch.settle.push(resolve));
    if (batch.hints.size >= (this.options.maxBatch ?? HINT_BATCH_MAX)) this.flush();
    return outcome;
  }

  /**
   * Stops taking hints: a batch still waiting for its window is dropped (its events are taken
   * again from the relay after the next start), a running one is awaited.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const dropped = this.pending;
    this.pending = undefined;
    dropped?.settle.forEach((settle) => settle('dropped'));
    await this.chain;
  }

  private flush(): void {
    clearTimeout(this.timer);
    const batch = this.pending;
    this.pending = undefined;
    if (batch) this.chain = this.chain.then(() => this.run(batch));
  }

  private async run(batch: Batch): Promise<void> {
    let outcome: HintOutcome = 'handled';
    try {
      await this.handler([...batch.hints.keys()], [...batch.hints.values()]);
    } catch (error) {
      outcome = 'failed';
      log.warn('relay: a status check for callbacks failed; the poller catches these payments up', {
        invoices: batch.hints.size,
        error,
      });
    }
    batch.settle.forEach((settle) => settle(outcome));
  }
}
