/**
 * Bulk confirmation and cancellation behind the `bulk.*` channels: preflights (kept a few minutes
 * for their `bulk.start`), one batch running at a time, its file journal, and after a crash the
 * interrupted batch — reconciled through PaymentsService.reconcile() — and its resumption.
 */
import { randomUUID } from 'node:crypto';
import type {
  BulkAction,
  BulkPreflight,
  BulkRerun,
  BulkRowResult,
  BulkStatus,
  InterruptedBatch,
  SkipReason,
} from '../../shared/channels/bulk';
import { kopiyky } from '../../shared/money';
import type { Connections } from '../connections';
import { DeskFailure, NotFoundError, ValidationError } from '../errors';
import type { EventBus } from '../events';
import { log } from '../log';
import type { OrdersStore } from '../orders/store';
import type { JournalQueries } from '../journal/queries';
import type { PaymentsService } from '../payments/service';
import type { SettingsService } from '../settings/service';
import { Batch } from './batch';
import { BatchFiles, type BatchRecord } from './batchFile';
import { batchToCsv } from './csv';
import { isDone } from './outcome';
import { preflight, type BatchItem, type PreflightDeps, type PreflightRequest } from './preflight';

/** A preflight is acted on within this time, or checked again. */
const PREFLIGHT_TTL_MS = 10 * 60 * 1000;

export interface BulkServiceOptions {
  /** The user-data folder: batch files go to `bulk/` in it. */
  dir: string;
  payments: Pick<PaymentsService, 'money' | 'sync' | 'reconcile'>;
  journal: Pick<JournalQueries, 'inFlight' | 'batchOperations'>;
  orders: Pick<OrdersStore, 'refresh' | 'list' | 'patch'>;
  settings: Pick<SettingsService, 'get'>;
  connections: Pick<Connections, 'uapay'>;
  events?: Pick<EventBus, 'emit'>;
  now?: () => Date;
  /** Operations of a batch in flight at once (default BATCH_CONCURRENCY). */
  concurrency?: number;
}

interface Kept {
  preflight: BulkPreflight;
  items: BatchItem[];
}

export class BulkService {
  private readonly files: BatchFiles;
  private readonly preflights = new Map<string, Kept>();
  private loaded: Promise<Map<string, Batch>> | undefined;

  constructor(private readonly options: BulkServiceOptions) {
    this.files = new BatchFiles(options.dir);
  }

  async preflight(request: PreflightRequest): Promise<BulkPreflight> {
    return (await this.check(request)).preflight;
  }

  async start(preflightId: string, parentBatchId?: string): Promise<BulkStatus> {
    const batches = await this.batches();
    const kept = this.preflights.get(preflightId);
    if (!kept || Date.parse(kept.preflight.expiresAt) <= this.now().getTime()) {
      this.preflights.delete(preflightId);
      throw invalid('preflightId', 'expired', 'This check is no longer current: check the payments again.');
    }
    const running = [...batches.values()].find((batch) => batch.running);
    if (running) throw busy(running);
    if (kept.items.length === 0)
      throw invalid('preflightId', 'nothing_eligible', 'None of these payments can be acted on now.');
    this.preflights.delete(preflightId);
    const { preflight: checked } = kept;
    const record: BatchRecord = {
      batchId: randomUUID(),
      action: checked.action,
      state: 'running',
      ...(parentBatchId && { parentBatchId }),
      startedAt: this.now().toISOString(),
      eligibleTotal: checked.eligible.total,
      rows: checked.rows.map((row): BulkRowResult => ({
        paymentId: row.paymentId,
        orderId: row.orderId,
        orderNumber: row.orderNumber,
        amount: row.amount,
        outcome: row.eligible ? 'pending' : 'skipped',
        ...(row.reason && { reason: row.reason }),
        ...(row.detail && { detail: row.detail }),
      })),
    };
    const batch = new Batch(record, {
      files: this.files,
      money: (kind, paymentId, batchId) => this.options.payments.money(kind, paymentId, undefined, batchId),
      emit: (progress) => this.options.events?.emit('bulk.progress', progress),
      now: () => this.now(),
      ...(this.options.concurrency && { concurrency: this.options.concurrency }),
    });
    batches.set(record.batchId, batch); // before the first await: a second start sees it running
    try {
      await batch.start(kept.items);
    } catch (error) {
      batches.delete(record.batchId);
      throw error;
    }
    return batch.status();
  }

  async stop(batchId: string): Promise<BulkStatus> {
    const batch = await this.batch(batchId);
    await batch.stop();
    return batch.status();
  }

  /** One batch; without an id the one running now, else the latest. */
  async status(batchId?: string): Promise<BulkStatus | null> {
    if (batchId) return (await this.current(await this.batch(batchId))).status();
    const all = [...(await this.batches()).values()];
    const batch = all.find((b) => b.running) ?? all.at(-1);
    return batch ? (await this.current(batch)).status() : null;
  }

  async exportCsv(batchId: string) {
    return batchToCsv((await this.current(await this.batch(batchId))).status());
  }

  /** A new batch of the failed payments, after a fresh preflight of them. */
  async retryFailed(batchId: string): Promise<BulkRerun> {
    const batch = await this.current(await this.batch(batchId));
    if (batch.running) throw busy(batch);
    const failed = batch.record.rows.filter((row) => row.outcome === 'failed').map((row) => row.paymentId);
    if (failed.length === 0) throw invalid('batchId', 'nothing_failed', 'No payment of this batch failed.');
    return this.rerun(batch, failed, new Set());
  }

  /**
   * Batches the app was running when it ended. Their open operations are reconciled with UAPAY
   * first (the one reconciliation of the journal), so each in-flight payment is reported as it
   * actually ended.
   */
  async interrupted(): Promise<InterruptedBatch[]> {
    const interrupted = [...(await this.batches()).values()].filter((b) => b.state === 'interrupted');
    if (interrupted.length === 0) return [];
    await this.reconcile();
    const out: InterruptedBatch[] = [];
    for (const batch of interrupted) {
      const entries = await this.options.journal.batchOperations(batch.batchId);
      batch.applyJournal(entries);
      const closedBy = new Map(entries.map((entry) => [entry.paymentId, entry.outcome]));
      const report: InterruptedBatch = {
        batchId: batch.batchId,
        action: batch.record.action,
        startedAt: batch.record.startedAt,
        total: 0,
        finished: [],
        inFlight: [],
        notStarted: [],
      };
      for (const row of batch.record.rows) {
        const outcome = closedBy.get(row.paymentId);
        if (outcome === 'succeeded' || outcome === 'failed') report.finished.push(row);
        else if (outcome !== undefined)
          report.inFlight.push(row); // closed by reconciliation, or still open
        else if (row.outcome !== 'skipped') report.notStarted.push(row);
      }
      report.total = report.finished.length + report.inFlight.length + report.notStarted.length;
      out.push(report);
    }
    return out;
  }

  /**
   * Runs the rest of an interrupted or stopped batch as a new batch, after a fresh preflight. What
   * the journal shows done is skipped as `already_done` without asking anyone; the preflight then
   * asks UAPAY about the rest, so nothing UAPAY no longer holds is sent again.
   */
  async resume(batchId: string): Promise<BulkRerun> {
    const batch = await this.resumable(batchId);
    const rest = batch.record.rows.filter((row) => row.outcome !== 'failed' && row.outcome !== 'skipped');
    const done = new Set(rest.filter(isDone).map((row) => row.paymentId));
    const rerun = await this.rerun(
      batch,
      rest.map((row) => row.paymentId),
      done,
    );
    await batch.close('resumed', rerun.batch?.batchId);
    return rerun;
  }

  /** Leaves an interrupted or stopped batch as it is: it is no longer offered for resuming. */
  async dismiss(batchId: string): Promise<BulkStatus> {
    const batch = await this.resumable(batchId);
    await batch.close('dismissed');
    return batch.status();
  }

  /** Resolves once the batch running now (if any) has ended. */
  async idle(): Promise<void> {
    await Promise.all([...(await this.batches()).values()].map((batch) => batch.idle()));
  }

  /** Stops a running batch (what is in flight finishes; the rest can be resumed later). */
  async close(): Promise<void> {
    if (!this.loaded) return;
    const batches = await this.loaded.catch(() => new Map<string, Batch>());
    await Promise.all([...batches.values()].map((batch) => batch.stop()));
  }

  private async rerun(batch: Batch, paymentIds: number[], done: ReadonlySet<number>): Promise<BulkRerun> {
    const { preflight: checked } = await this.check({ action: batch.record.action, paymentIds }, done);
    if (checked.eligible.count === 0) return { preflight: checked, batch: null };
    return { preflight: checked, batch: await this.start(checked.preflightId, batch.batchId) };
  }

  private async check(request: PreflightRequest, done?: ReadonlySet<number>): Promise<Kept> {
    const { settings, orders, payments, journal, connections } = this.options;
    const deps: PreflightDeps = {
      orders,
      payments,
      journal,
      connections,
      settings: () => settings.get(),
      now: () => this.now(),
    };
    const checked = await preflight(deps, request, done);
    const now = this.now();
    const eligible = checked.rows.filter((row) => row.eligible);
    const byReason: Partial<Record<SkipReason, number>> = {};
    for (const row of checked.rows) if (row.reason) byReason[row.reason] = (byReason[row.reason] ?? 0) + 1;
    const kept: Kept = {
      items: checked.items,
      preflight: {
        preflightId: randomUUID(),
        action: request.action as BulkAction,
        checkedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + PREFLIGHT_TTL_MS).toISOString(),
        rows: checked.rows,
        eligible: {
          count: eligible.length,
          total: kopiyky(eligible.reduce((sum, row) => sum + row.amount, 0)),
        },
        skipped: { count: checked.rows.length - eligible.length, byReason },
      },
    };
    for (const [id, old] of this.preflights)
      if (Date.parse(old.preflight.expiresAt) <= now.getTime()) this.preflights.delete(id);
    this.preflights.set(kept.preflight.preflightId, kept);
    return kept;
  }

  private async resumable(batchId: string): Promise<Batch> {
    const batch = await this.batch(batchId);
    if (batch.state === 'interrupted') {
      await this.reconcile();
      batch.applyJournal(await this.options.journal.batchOperations(batchId));
    }
    if (batch.state !== 'interrupted' && batch.state !== 'stopped') {
      const message = `This batch is ${batch.state}: only an interrupted or stopped batch can be resumed.`;
      throw invalid('batchId', 'not_resumable', message);
    }
    return batch;
  }

  /** An interrupted batch's rows as the journal tells them now. */
  private async current(batch: Batch): Promise<Batch> {
    if (batch.state === 'interrupted')
      batch.applyJournal(await this.options.journal.batchOperations(batch.batchId));
    return batch;
  }

  private async reconcile(): Promise<void> {
    const open = await this.options.payments
      .reconcile()
      .catch((error: unknown) => (log.warn('bulk: reconciliation failed', { error }), -1));
    if (open !== 0) log.warn('bulk: some operations are still open after reconciliation', { open });
  }

  private async batch(batchId: string): Promise<Batch> {
    const batch = (await this.batches()).get(batchId);
    if (!batch) throw new NotFoundError('batch', 'There is no such batch on this computer.');
    return batch;
  }

  private batches(): Promise<Map<string, Batch>> {
    this.loaded ??= this.files.readAll().then(
      (records) =>
        new Map(
          records.map((record) => [
            record.batchId,
            new Batch(record, {
              files: this.files,
              money: () => Promise.reject(new Error('a batch read from its file does not run')),
              emit: () => undefined,
              now: () => this.now(),
            }),
          ]),
        ),
    );
    return this.loaded;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function invalid(path: string, code: string, message: string): ValidationError {
  return new ValidationError(message, [{ path, code, message }]);
}

function busy(batch: Batch): DeskFailure<'busy'> {
  return new DeskFailure({
    kind: 'busy',
    message: 'A bulk batch is still running: stop it or wait for it to finish.',
    opId: batch.batchId,
    operation: `bulk.${batch.record.action}`,
  });
}
