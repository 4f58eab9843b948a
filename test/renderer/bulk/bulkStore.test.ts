import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  BulkPreflight,
  BulkProgress,
  BulkRowResult,
  BulkStatus,
} from '../../../electron/shared/channels/bulk';
import { kopiyky } from '../../../electron/shared/money';
import { createBulkStore } from '../../../renderer/bulk/bulkStore';
import { bulkRow } from '../rows';

const row = bulkRow;

function status(batchId: string, state: BulkStatus['state'], rows: BulkRowResult[]): BulkStatus {
  const done = rows.filter((r) => r.outcome === 'done').length;
  return {
    batchId,
    action: 'confirm',
    state,
    startedAt: '2026-11-01T10:00:00.000Z',
    counts: {
      total: rows.length,
      done,
      failed: 0,
      skipped: 0,
      inFlight: 0,
      remaining: rows.length - done,
      untouched: 0,
    },
    total: kopiyky(100 * rows.length),
    moved: kopiyky(100 * done),
    ratePerSecond: 0,
    rows,
  };
}

function progress(batchId: string, state: BulkStatus['state'], rows: BulkRowResult[]): BulkProgress {
  const summary: Partial<BulkStatus> = status(batchId, state, rows);
  delete summary.rows;
  return { ...(summary as Omit<BulkStatus, 'rows'>), changed: rows.filter((r) => r.outcome !== 'pending') };
}

const preflight = (id: string): BulkPreflight => ({
  preflightId: id,
  action: 'confirm',
  checkedAt: '2026-11-01T10:00:00.000Z',
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  rows: [
    {
      paymentId: 1,
      orderId: 1,
      orderNumber: '1A',
      customerName: 'Петренко',
      amount: kopiyky(100),
      eligible: true,
    },
  ],
  eligible: { count: 1, total: kopiyky(100) },
  skipped: { count: 0, byReason: {} },
});

/** The preload's bridge as the store sees it, counting the calls; each channel answers when told. */
function fakeDesk() {
  const calls: string[] = [];
  const waiting = new Map<string, (value: unknown) => void>();
  const answer = (channel: string, value: unknown) => waiting.get(channel)?.({ ok: true, value });
  const desk = new Proxy(
    {},
    {
      get: (_, channel: string) => (request: unknown) => {
        calls.push(`${channel} ${JSON.stringify(request)}`);
        return new Promise((resolve) => waiting.set(channel, resolve));
      },
    },
  );
  vi.stubGlobal('window', { desk });
  return { calls, answer };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the bulk store', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-01T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps the events of a batch it does not show yet, and merges them into the batch when it comes', async () => {
    const desk = fakeDesk();
    const store = createBulkStore();
    // A quick batch: its events overtake the answer of bulk.start.
    store.getState().receive(progress('b1', 'running', [row(1, 'done'), row(2, 'pending')]));
    store.getState().adopt(status('b1', 'running', [row(1, 'pending'), row(2, 'pending')]), true);
    const view = store.getState().view;
    expect(view?.step).toBe('batch');
    if (view?.step !== 'batch') return;
    expect(view.batch.rows.map((r) => r.outcome)).toEqual(['done', 'pending']);
    expect(view.batch.counts.done).toBe(1);
    expect(desk.calls).toEqual([]);
  });

  it('while a batch runs, a bulk action shows that batch instead of checking again', () => {
    const desk = fakeDesk();
    const store = createBulkStore();
    store.getState().adopt(status('b1', 'running', [row(1, 'pending')]), false);
    expect(store.getState().open).toBe(false);
    store.getState().begin('cancel', [7, 8]);
    expect(store.getState()).toMatchObject({ open: true, view: { step: 'batch' } });
    expect(desk.calls).toEqual([]);
  });

  it('drops a check answered after the dialog was closed', async () => {
    const desk = fakeDesk();
    const store = createBulkStore();
    store.getState().begin('confirm', [1]);
    expect(desk.calls).toEqual(['bulk.preflight {"action":"confirm","paymentIds":[1]}']);
    expect(store.getState()).toMatchObject({ open: true, view: { step: 'checking' } });
    store.getState().close();
    desk.answer('bulk.preflight', preflight('p1'));
    await settle();
    expect(store.getState()).toMatchObject({ open: false, view: undefined });
  });

  it('a check turns stale when the core stops keeping it', async () => {
    const desk = fakeDesk();
    const store = createBulkStore();
    store.getState().begin('confirm', [1]);
    desk.answer('bulk.preflight', preflight('p1'));
    await settle();
    expect(store.getState().view).toMatchObject({ step: 'preflight', expired: false });
    vi.advanceTimersByTime(60_000);
    expect(store.getState().view).toMatchObject({ step: 'preflight', expired: true });
  });

  it('keeps nothing outside itself: a new store has no early events of the last one', () => {
    fakeDesk();
    const one = createBulkStore();
    one.getState().receive(progress('b1', 'running', [row(1, 'done')]));
    const two = createBulkStore();
    two.getState().adopt(status('b1', 'running', [row(1, 'pending')]), true);
    const view = two.getState().view;
    expect(view?.step === 'batch' && view.batch.rows[0]?.outcome).toBe('pending');
  });
});
