/** A batch's counts, its pace and estimate, and progress events paced for a person to read. */
import type { BulkCounts, BulkRowResult } from '../../shared/channels/bulk';
import { kopiyky, type Kopiyky } from '../../shared/money';
import { isDone } from './outcome';

/** At most this many `bulk.progress` events per second, plus one at each change of the batch's state. */
const PROGRESS_EVENTS_PER_SECOND = 4;

/** The rate is measured over the last this many milliseconds (or since the start, if shorter). */
const RATE_WINDOW_MS = 10_000;

export function countRows(rows: readonly BulkRowResult[]): BulkCounts {
  const counts: BulkCounts = {
    total: rows.length,
    done: 0,
    failed: 0,
    skipped: 0,
    inFlight: 0,
    remaining: 0,
    untouched: 0,
  };
  for (const row of rows) {
    if (isDone(row)) counts.done++;
    else if (row.outcome === 'failed') counts.failed++;
    else if (row.outcome === 'skipped') counts.skipped++;
    else if (row.outcome === 'in_flight') counts.inFlight++;
    else if (row.outcome === 'pending') counts.remaining++;
    else counts.untouched++;
  }
  return counts;
}

export function movedAmount(rows: readonly BulkRowResult[]): Kopiyky {
  return kopiyky(rows.reduce((sum, row) => (isDone(row) ? sum + row.amount : sum), 0));
}

/** Payments finished per second, over a sliding window of wall-clock time. */
export class RateMeter {
  private readonly stamps: number[] = [];

  constructor(
    private readonly startedAt: number,
    private readonly clock: () => number = Date.now,
  ) {}

  note(): void {
    this.stamps.push(this.clock());
  }

  perSecond(): number {
    const now = this.clock();
    while (this.stamps.length > 0 && this.stamps[0]! < now - RATE_WINDOW_MS) this.stamps.shift();
    const span = Math.min(RATE_WINDOW_MS, now - this.startedAt);
    return span > 0 ? (this.stamps.length * 1000) / span : 0;
  }
}

/**
 * Collects changed rows and hands them on at most `perSecond` times a second; `flush` hands them
 * on at once (a change of the batch's state must not wait).
 */
export class Throttle {
  private changed = new Map<number, BulkRowResult>();
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  constructor(
    private readonly emit: (changed: BulkRowResult[]) => void,
    private readonly perSecond = PROGRESS_EVENTS_PER_SECOND,
  ) {}

  row(row: BulkRowResult): void {
    this.changed.set(row.paymentId, row);
    if (this.timer) return;
    const wait = Math.max(0, this.last + 1000 / this.perSecond - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.last = Date.now();
    const changed = [...this.changed.values()];
    this.changed = new Map();
    this.emit(changed);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
