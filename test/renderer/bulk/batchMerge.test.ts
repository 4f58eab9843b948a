import { describe, expect, it } from 'vitest';
import type { BulkProgress, BulkRowResult, BulkStatus } from '../../../electron/shared/channels/bulk';
import { kopiyky } from '../../../electron/shared/money';
import { mergeBatch } from '../../../renderer/bulk/batchMerge';
import { bulkRow } from '../rows';

const row = bulkRow;

function status(state: BulkStatus['state'], rows: BulkRowResult[], settled: number): BulkStatus {
  const total = rows.length;
  return {
    batchId: 'b1',
    action: 'confirm',
    state,
    startedAt: '2026-01-01T00:00:00.000Z',
    counts: {
      total,
      done: settled,
      failed: 0,
      skipped: 0,
      inFlight: 0,
      remaining: total - settled,
      untouched: 0,
    },
    total: kopiyky(100 * total),
    moved: kopiyky(100 * settled),
    ratePerSecond: 0,
    rows,
  };
}

function progress(state: BulkStatus['state'], changed: BulkRowResult[], settled: number): BulkProgress {
  const full: Partial<BulkStatus> = status(state, [row(1, 'pending'), row(2, 'pending')], settled);
  delete full.rows;
  return { ...(full as Omit<BulkStatus, 'rows'>), changed };
}

describe('mergeBatch', () => {
  it('keeps rows an early event finished when the slower start answer arrives', () => {
    const fromEvent = mergeBatch(status('running', [row(1, 'pending'), row(2, 'pending')], 0), {
      ...progress('running', [row(1, 'done')], 1),
    });
    const answer = status('running', [row(1, 'in_flight'), row(2, 'pending')], 0);
    const merged = mergeBatch(fromEvent, answer);
    expect(merged.rows.map((r) => r.outcome)).toEqual(['done', 'pending']);
    expect(merged.counts.done).toBe(1);
  });

  it('takes a later state and its counts, never an earlier one', () => {
    const finished = mergeBatch(
      status('running', [row(1, 'pending'), row(2, 'pending')], 0),
      progress('finished', [row(1, 'done'), row(2, 'failed')], 2),
    );
    expect(finished.state).toBe('finished');
    expect(mergeBatch(finished, progress('running', [row(2, 'in_flight')], 1)).state).toBe('finished');
    expect(mergeBatch(finished, progress('running', [row(2, 'in_flight')], 1)).rows[1]!.outcome).toBe(
      'failed',
    );
  });

  it('ignores another batch', () => {
    const current = status('running', [row(1, 'pending')], 0);
    expect(mergeBatch(current, { ...progress('finished', [row(1, 'done')], 1), batchId: 'b2' })).toBe(
      current,
    );
  });
});
