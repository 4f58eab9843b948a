/**
 * One batch while the app holds it: the rows, the run, stop, and its status and progress. Each
 * payment goes through PaymentsService.money → MoneyRunner.run with the batch id — the one
 * single-payment operation, journal and lock included; the batch adds only the pace.
 *
 * Pace: several operations are in flight at once, so RetailCRM's one shared limiter always has a
 * payment edit waiting while other payments are still with UAPAY (whose client allows a few calls
 * per merchant at a time, UAPAY_CALLS_IN_FLIGHT). Neither side waits for the other.
 */
import PQueue from 'p-queue';
import type { BulkBatchState, BulkProgress, BulkRowResult, BulkStatus } from '../../shared/channels/bulk';
import type { OperationOutcome } from '../../shared/channels/payments';
import type { JournalEntry } from '../../shared/channels/journal';
import { log } from '../log';
import type { MoneyKind } from '../payments/moneyRunner';
import type { BatchFiles, BatchRecord } from './batchFile';
import { journalRow, MONEY_KIND, settledRow } from './outcome';
import type { BatchItem } from './preflight';
import { countRows, movedAmount, RateMeter, Throttle } from './progress';

/**
 * Operations of a batch in flight at once. Each claims its payment in RetailCRM (a read, an edit,
 * a 2 s wait for another desktop's claim, a read: payments/lease.ts), asks UAPAY (look, capture)
 * and writes its result (an edit): ~2.5 RetailCRM requests (reads of the same moment share one)
 * and ~3 s. RetailCRM's 10 requests a second then carry ~4 payments a second, so ~12 in flight
 * keep it busy (Little's law); twice that leaves a queue in front of the limiter that absorbs
 * jitter and the first wave's claims, so the limiter never waits while work does.
 */
const BATCH_CONCURRENCY = 24;

export interface BatchDeps {
  files: BatchFiles;
  money(kind: MoneyKind, paymentId: number, batchId: string): Promise<OperationOutcome>;
  emit(progress: BulkProgress): void;
  now(): Date;
  concurrency?: number;
}

export class Batch {
  private readonly index = new Map<number, number>();
  private queue: PQueue | undefined;
  private meter: RateMeter | undefined;
  private throttle: Throttle | undefined;
  private ending: Promise<void> | undefined;
  private stopping = false;

  constructor(
    readonly record: BatchRecord,
    private readonly deps: BatchDeps,
  ) {
    record.rows.forEach((row, i) => this.index.set(row.paymentId, i));
  }

  get batchId(): string {
    return this.record.batchId;
  }

  /** A `running` file this process did not start is a batch the app was running when it ended. */
  get state(): BulkBatchState {
    if (this.record.state !== 'running') return this.record.state;
    if (!this.queue) return 'interrupted';
    return this.stopping ? 'stopping' : 'running';
  }

  get running(): boolean {
    return this.state === 'running' || this.state === 'stopping';
  }

  /** Journals the batch, then runs `items` (the eligible rows) in the background. */
  async start(items: readonly BatchItem[]): Promise<void> {
    await this.deps.files.write(this.record); // before any payment is touched
    this.queue = new PQueue({ concurrency: this.deps.concurrency ?? BATCH_CONCURRENCY });
    this.meter = new RateMeter(Date.now());
    this.throttle = new Throttle((changed) => this.deps.emit({ ...this.summary(), changed }));
    for (const item of interleave(items)) void this.queue.add(() => this.one(item.paymentId));
    this.ending = this.queue.onIdle().then(() => this.end());
    this.throttle.flush();
  }

  /** Starts nothing more; resolves once the operations in flight have finished. */
  async stop(): Promise<void> {
    if (!this.queue || this.record.state !== 'running') return;
    if (!this.stopping) {
      this.stopping = true;
      this.queue.clear();
      this.throttle?.flush();
    }
    await this.ending;
  }

  /** Resolves when the run has ended (at once for a batch not running here). */
  idle(): Promise<void> {
    return this.ending ?? Promise.resolve();
  }

  /** Reads the rows from the operation journal (a batch the app was running when it ended). */
  applyJournal(entries: readonly JournalEntry[]): void {
    const latest = new Map<number, JournalEntry>();
    for (const entry of entries) if (entry.paymentId !== undefined) latest.set(entry.paymentId, entry);
    this.record.rows = this.record.rows.map((row) =>
      row.outcome === 'skipped' && !latest.has(row.paymentId)
        ? row
        : journalRow(row, latest.get(row.paymentId), this.record.action),
    );
  }

  /** Marks what was done about a batch that is not running: resumed by another, or left as it is. */
  async close(state: 'resumed' | 'dismissed', resumedBy?: string): Promise<void> {
    this.record.state = state;
    if (resumedBy) this.record.resumedBy = resumedBy;
    this.record.endedAt ??= this.deps.now().toISOString();
    await this.deps.files.write(this.record);
  }

  status(): BulkStatus {
    return { ...this.summary(), rows: this.record.rows.map((row) => ({ ...row })) };
  }

  private summary(): Omit<BulkStatus, 'rows'> {
    const { record } = this;
    const counts = countRows(record.rows);
    const rate = this.meter && this.running ? this.meter.perSecond() : 0;
    const left = counts.remaining + counts.inFlight;
    return {
      batchId: record.batchId,
      action: record.action,
      state: this.state,
      ...(record.parentBatchId && { parentBatchId: record.parentBatchId }),
      ...(record.resumedBy && { resumedBy: record.resumedBy }),
      startedAt: record.startedAt,
      ...(record.endedAt && { endedAt: record.endedAt }),
      counts,
      total: record.eligibleTotal,
      moved: movedAmount(record.rows),
      ratePerSecond: Math.round(rate * 100) / 100,
      ...(rate > 0 && this.running && { etaSeconds: Math.ceil(left / rate) }),
    };
  }

  private async one(paymentId: number): Promise<void> {
    if (this.stopping) return;
    this.update({ ...this.row(paymentId), outcome: 'in_flight' });
    const settled = await this.deps.money(MONEY_KIND[this.record.action], paymentId, this.batchId).then(
      (value): PromiseSettledResult<OperationOutcome> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<OperationOutcome> => ({ status: 'rejected', reason }),
    );
    this.meter?.note();
    this.update(settledRow(this.row(paymentId), settled, this.deps.now().toISOString()));
  }

  private async end(): Promise<void> {
    const left = this.record.rows.some((row) => row.outcome === 'pending');
    if (left) {
      // Stopped: the rest stays exactly as it was, and the batch says so.
      this.record.rows = this.record.rows.map((row) =>
        row.outcome === 'pending' ? { ...row, outcome: 'untouched' } : row,
      );
    }
    this.record.state = left ? 'stopped' : 'finished';
    this.record.endedAt = this.deps.now().toISOString();
    await this.deps.files
      .write(this.record)
      .catch((error: unknown) => log.error('bulk: the batch file could not be written', { error }));
    this.stopping = false;
    this.throttle?.flush();
  }

  private row(paymentId: number): BulkRowResult {
    const row = this.record.rows[this.index.get(paymentId) ?? -1];
    if (!row) throw new Error(`Payment ${paymentId} is not in batch ${this.batchId}`);
    return row;
  }

  private update(row: BulkRowResult): void {
    this.record.rows[this.index.get(row.paymentId) ?? -1] = row;
    this.throttle?.row(row);
  }
}

/** Merchant by merchant in turn, so each merchant's UAPAY calls run side by side. */
function interleave(items: readonly BatchItem[]): BatchItem[] {
  const groups = new Map<string, BatchItem[]>();
  for (const item of items) {
    const group = groups.get(item.merchantId);
    if (group) group.push(item);
    else groups.set(item.merchantId, [item]);
  }
  const out: BatchItem[] = [];
  for (let i = 0; out.length < items.length; i++)
    for (const group of groups.values()) if (group[i]) out.push(group[i]!);
  return out;
}
