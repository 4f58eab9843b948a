/**
 * The one owner of a workspace's background work. A round: finish what the journal shows open
 * (reconciliation), read RetailCRM's changes when due (the orders list's incremental refresh), then
 * ask UAPAY about every payment it may still move (status sync). The first round runs at once, so
 * an operation a crash left open is finished at start; the next is scheduled only when a round
 * ends, so rounds never overlap. While RetailCRM or UAPAY cannot be reached the wait doubles, up to
 * a ceiling, and drops back after the first round that reaches them.
 */
import type { BackgroundFailure, BackgroundStatus } from '../../shared/channels/background';
import { toDeskError } from '../errors';
import { log } from '../log';

export interface BackgroundTiming {
  /** A round every this often: reconciliation, then status sync (callbacks make a sync sooner). */
  syncMs: number;
  /** RetailCRM's history is read (the orders list's refresh) in the first round after this long. */
  refreshMs: number;
  /** The longest wait between rounds while a service is unreachable (default 5 minutes). */
  maxBackoffMs?: number;
}

/**
 * The shipped timing (README, "How money stays right"):
 * - A round every 30 s. Reconciliation costs nothing when the journal has nothing open (it is read
 *   in memory); when something is open it is one `invoices/show` and one RetailCRM write, so a
 *   payment locked by a RetailCRM outage is finished within 30 s of RetailCRM answering again.
 *   Status sync asks `invoices/show/list` 100 payments at a time: a shop watching 500 payments
 *   sends 5 small requests per desktop per round, far inside UAPAY's limits, and without a relay a
 *   customer's payment reaches RetailCRM within half a minute. The relay makes it seconds.
 * - RetailCRM's history every 60 s: one request when nothing changed, but RetailCRM allows 10
 *   requests a second from one IP (reference §1.7), shared by every desktop of an office and the
 *   shop's own integrations, and a new order within a minute is soon enough for a list that a
 *   click on Refresh updates at once.
 * - Up to 5 minutes between rounds while a service is down: a few lines in the log per outage,
 *   and a recovering RetailCRM is not met by every desktop at once every 30 s.
 */
export const DEFAULT_BACKGROUND: BackgroundTiming = { syncMs: 30_000, refreshMs: 60_000 };
const DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;

/** What a round does, in the workspace's own services (PaymentsService, OrdersStore, settings). */
export interface RoundWork {
  /** False while no shop is set up (no RetailCRM account): there is nothing to do yet. */
  configured(): Promise<boolean>;
  /** Finishes what the journal shows open; answers how many operations stay open. */
  reconcile(): Promise<number>;
  refresh(): Promise<unknown>;
  /** Status sync: `failedMerchants` could not be asked; `checked` payments were. */
  sync(): Promise<{ checked: number; failedMerchants: string[] }>;
}

export interface BackgroundRoundOptions {
  work: RoundWork;
  /** `false`: no rounds at all (a test or benchmark that drives the work itself). */
  timing: BackgroundTiming | false;
  /** Told after every round (the `background.status` event). */
  onChange?: (status: BackgroundStatus) => void;
  now?: () => Date;
}

export class BackgroundRound {
  private readonly timing: BackgroundTiming | false;
  private readonly now: () => Date;
  private timer?: NodeJS.Timeout;
  private closed = false;
  private running?: Promise<void>;
  private lastRefreshAt?: number;
  /** Rounds in a row that could not reach a service. */
  private unreachableRounds = 0;
  private state: BackgroundStatus;

  constructor(private readonly options: BackgroundRoundOptions) {
    this.timing = options.timing;
    this.now = options.now ?? (() => new Date());
    this.state = options.timing
      ? {
          state: 'ok',
          running: false,
          roundMs: options.timing.syncMs,
          refreshMs: options.timing.refreshMs,
          openOperations: 0,
        }
      : { state: 'off', running: false, openOperations: 0 };
  }

  /** Runs the first round at once, then one every `syncMs` (longer while backing off). */
  start(): void {
    if (this.timing) this.schedule(0);
  }

  status(): BackgroundStatus {
    return { ...this.state, running: this.running !== undefined };
  }

  /** No new round; waits for the one running to end (each of its steps ends with its client's timeout). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.state.nextRoundAt = undefined;
    await this.running;
  }

  /** `from`: when the wait began (the end of the last round), so the status adds up exactly. */
  private schedule(delayMs: number, from = this.now().getTime()): void {
    if (this.closed || !this.timing) return;
    this.state.nextRoundAt = new Date(from + delayMs).toISOString();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.state.nextRoundAt = undefined;
      this.running = this.round().finally(() => {
        this.running = undefined;
        this.schedule(this.delay(), Date.parse(this.state.lastRoundAt ?? '') || undefined);
        this.options.onChange?.(this.status());
      });
    }, delayMs);
    // The round never keeps a process alive on its own (tests, the harness); Electron's loop runs anyway.
    this.timer.unref();
  }

  private delay(): number {
    if (!this.timing) return 0;
    const { syncMs, maxBackoffMs = DEFAULT_MAX_BACKOFF_MS } = this.timing;
    if (this.unreachableRounds === 0) return syncMs;
    return Math.min(syncMs * 2 ** this.unreachableRounds, Math.max(maxBackoffMs, syncMs));
  }

  private async round(): Promise<void> {
    const timing = this.timing;
    if (!timing) return;
    const { work } = this.options;
    const failures: BackgroundFailure[] = [];
    try {
      if (!(await work.configured())) {
        this.finish('not_set_up', []);
        return;
      }
      this.state.openOperations = await work.reconcile();
      const startedAt = this.now().getTime();
      if (
        !this.closed &&
        (this.lastRefreshAt === undefined || startedAt - this.lastRefreshAt >= timing.refreshMs)
      ) {
        try {
          await work.refresh();
          this.lastRefreshAt = startedAt;
        } catch (error) {
          failures.push(this.failure('refresh', error));
        }
      }
      if (!this.closed) {
        try {
          const synced = await work.sync();
          if (synced.failedMerchants.length > 0) {
            failures.push({
              at: this.now().toISOString(),
              step: 'sync',
              service: 'uapay',
              // Not one merchant could be asked: UAPAY (or the way to it) is down, not one key.
              unreachable: synced.checked === 0,
              message: `UAPAY could not be asked about the payments of ${synced.failedMerchants.length} merchant(s).`,
              merchantIds: synced.failedMerchants,
            });
          }
        } catch (error) {
          failures.push(this.failure('sync', error));
        }
      }
    } catch (error) {
      failures.push(this.failure('round', error));
    }
    const unreachable = failures.some((failure) => failure.unreachable);
    this.finish(unreachable ? 'unreachable' : failures.length > 0 ? 'failing' : 'ok', failures);
  }

  private finish(state: BackgroundStatus['state'], failures: BackgroundFailure[]): void {
    const before = this.state;
    this.unreachableRounds = state === 'unreachable' ? this.unreachableRounds + 1 : 0;
    // A problem that lasts is logged when it starts and when it ends, not every round.
    for (const failure of failures) {
      const repeated =
        before.lastFailure?.step === failure.step && before.lastFailure.message === failure.message;
      if (!repeated || before.state === 'ok') {
        const { message, ...where } = failure;
        log.warn('background: a round step failed; the next round tries again', {
          ...where,
          problem: message,
          nextInMs: this.delay(),
        });
      }
    }
    if (failures.length === 0 && (before.state === 'failing' || before.state === 'unreachable'))
      log.info('background: the round succeeds again', { failedSince: before.lastFailure?.at });
    this.state = {
      ...before,
      state,
      lastRoundAt: this.now().toISOString(),
      ...(failures.length > 0 && { lastFailure: failures.at(-1) }),
    };
  }

  private failure(step: BackgroundFailure['step'], error: unknown): BackgroundFailure {
    const info = toDeskError(error);
    const service =
      info.kind === 'network' && (info.service === 'retailcrm' || info.service === 'uapay')
        ? info.service
        : info.kind === 'retailcrm' || info.kind === 'uapay'
          ? info.kind
          : step === 'refresh'
            ? 'retailcrm'
            : undefined;
    // An internal error's own text goes to the log; the status keeps the words the UI may show.
    if (info.kind === 'internal') log.error('background: unexpected failure', { step, error });
    return {
      at: this.now().toISOString(),
      step,
      ...(service && { service }),
      unreachable: info.kind === 'network',
      message: info.message,
    };
  }
}
