import type {
  BulkBatchState,
  BulkProgress,
  BulkRowOutcome,
  BulkRowResult,
  BulkStatus,
} from '../../electron/shared/channels/bulk';

/**
 * The page hears of a batch two ways: `bulk.progress` events and the answers of `bulk.start` /
 * `bulk.status`. They travel separately (the first events of a quick batch can overtake the
 * answer that names it), so neither may undo the other: a row only moves forward, and the
 * batch's summary is taken from whichever says more has happened.
 */
const OUTCOME_STEP: Record<BulkRowOutcome, number> = {
  pending: 0,
  in_flight: 1,
  failed: 2,
  skipped: 2,
  untouched: 2,
  crm_pending: 2,
  // crm_pending becomes done once the RetailCRM write went through.
  done: 3,
};

const STATE_STEP: Record<BulkBatchState, number> = {
  running: 0,
  stopping: 1,
  interrupted: 1,
  stopped: 2,
  finished: 2,
  resumed: 3,
  dismissed: 3,
};

type Summary = Omit<BulkStatus, 'rows'>;

function settled({ counts }: Summary): number {
  return counts.total - counts.remaining - counts.inFlight;
}

function summaryOf(status: BulkStatus | BulkProgress): Summary {
  const { batchId, action, state, parentBatchId, resumedBy, startedAt, endedAt, counts } = status;
  const { total, moved, ratePerSecond, etaSeconds } = status;
  return {
    batchId,
    action,
    state,
    ...(parentBatchId !== undefined && { parentBatchId }),
    ...(resumedBy !== undefined && { resumedBy }),
    startedAt,
    ...(endedAt !== undefined && { endedAt }),
    counts,
    total,
    moved,
    ratePerSecond,
    ...(etaSeconds !== undefined && { etaSeconds }),
  };
}

/** `current` brought up to date with `incoming` (an event or a full status of the same batch). */
export function mergeBatch(current: BulkStatus, incoming: BulkStatus | BulkProgress): BulkStatus {
  if (incoming.batchId !== current.batchId) return current;
  const later =
    STATE_STEP[incoming.state] > STATE_STEP[current.state] ||
    (STATE_STEP[incoming.state] === STATE_STEP[current.state] && settled(incoming) >= settled(current));
  const changed: readonly BulkRowResult[] = 'rows' in incoming ? incoming.rows : incoming.changed;
  let rows = current.rows;
  if (changed.length > 0) {
    const at = new Map(current.rows.map((row, index) => [row.paymentId, index]));
    rows = [...current.rows];
    for (const row of changed) {
      const index = at.get(row.paymentId);
      if (index === undefined) continue;
      if (OUTCOME_STEP[row.outcome] >= OUTCOME_STEP[rows[index]!.outcome]) rows[index] = row;
    }
  }
  return { ...summaryOf(later ? incoming : current), rows };
}

/** Whether the batch still runs (so closing its dialog leaves it in the dock). */
export function isRunning(batch: Pick<BulkStatus, 'state'>): boolean {
  return batch.state === 'running' || batch.state === 'stopping';
}

/** Rows finished one way or another: the progress bar's length. */
export function settledCount(batch: Summary): number {
  return settled(batch);
}
