import { create } from 'zustand';
import type { OrdersChanged, OrdersList } from '../../electron/shared/channels/orders';
import type { DeskError } from '../../electron/shared/errors';
import type { OrderRow } from '../../electron/shared/orders';
import { call, deskError } from '../desk';
import { notify, notifyError } from '../store/notices';

export type OrdersStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface OrdersState {
  /** Every cached row, as `orders.list` gave them and `orders.changed` updated them. */
  rows: readonly OrderRow[];
  status: OrdersStatus;
  /** Why the list could not be read (a failed refresh keeps the rows and says so in a toast). */
  error?: DeskError;
  /** ISO: when the core's cache last finished a refresh. */
  refreshedAt?: string;
  /** A refresh runs in the core (ours, or the background one). */
  refreshing: boolean;
  /** Reads the cached rows, then asks for an incremental refresh (the screen calls it on entry). */
  load(): Promise<void>;
  /** Incremental by default; `full` re-reads every order ("Full reload"). */
  refresh(full?: boolean): Promise<void>;
  /** The row of a RetailCRM payment, as the list has it now (the side panel reads it). */
  row(paymentId: number): OrderRow | undefined;
}

/**
 * Events are applied together, at most this often. Status sync may announce every row it checks
 * as its own event (hundreds a second on a big shop): one merge, one query and one render per
 * batch keep the list smooth, and a change still shows well within a second.
 */
export const EVENT_BATCH_MS = 150;

let byId = new Map<number, OrderRow>();
/** Events that arrive while `orders.list` is on its way, applied over its answer. */
let pending: OrdersChanged[] | undefined;
/** Events waiting for the next batch. */
let batch: OrdersChanged[] = [];
let batchTimer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

function index(rows: readonly OrderRow[]): void {
  byId = new Map(rows.map((row) => [row.paymentId, row]));
}

/** Several events as one: the last word on each payment id wins. */
export function combineChanges(events: readonly OrdersChanged[]): OrdersChanged {
  const changed = new Map<number, OrderRow>();
  const removed = new Set<number>();
  for (const event of events) {
    for (const row of event.changed) {
      changed.set(row.paymentId, row);
      removed.delete(row.paymentId);
    }
    for (const id of event.removed) {
      removed.add(id);
      changed.delete(id);
    }
  }
  const refreshedAt = events.findLast((event) => event.refreshedAt !== undefined)?.refreshedAt;
  return {
    changed: [...changed.values()],
    removed: [...removed],
    refreshing: events.at(-1)?.refreshing ?? false,
    ...(refreshedAt !== undefined && { refreshedAt }),
  };
}

/** Fields the list does not show: a row that differs only in these need not be re-queried. */
const NOT_SHOWN = new Set(['checkedAt']);
const shown = (key: string, value: unknown) => (NOT_SHOWN.has(key) ? undefined : value);

/**
 * Whether the list shows `a` and `b` alike. Status sync announces every payment it checks (each
 * with a new `uapay.checkedAt`), hundreds a second on a big shop; they are not worth a re-render.
 */
export function sameInTheList(a: OrderRow, b: OrderRow): boolean {
  return a === b || JSON.stringify(a, shown) === JSON.stringify(b, shown);
}

/**
 * Merges an `orders.changed` event by payment id: a changed row takes the place of the old one, so
 * the list keeps its order, its scroll position and its selection; new rows go to the end (the
 * query sorts them anyway).
 */
export function mergeChanges(
  rows: readonly OrderRow[],
  event: Pick<OrdersChanged, 'changed' | 'removed'>,
): OrderRow[] {
  const changed = new Map(event.changed.map((row) => [row.paymentId, row]));
  const removed = new Set(event.removed);
  const merged: OrderRow[] = [];
  for (const row of rows) {
    if (removed.has(row.paymentId)) continue;
    const next = changed.get(row.paymentId);
    merged.push(next ?? row);
    changed.delete(row.paymentId);
  }
  for (const row of changed.values()) if (!removed.has(row.paymentId)) merged.push(row);
  return merged;
}

export const useOrders = create<OrdersState>((set, get) => {
  const apply = (event: OrdersChanged) => {
    // Rows status sync only re-checked are the side panel's news (`row()`), not the list's.
    const changed = event.changed.filter((row) => {
      const before = byId.get(row.paymentId);
      byId.set(row.paymentId, row);
      return !before || !sameInTheList(before, row);
    });
    for (const id of event.removed) byId.delete(id);
    const rows =
      changed.length > 0 || event.removed.length > 0
        ? mergeChanges(get().rows, { changed, removed: event.removed })
        : get().rows;
    set({
      rows,
      refreshing: event.refreshing,
      ...(event.refreshedAt !== undefined && { refreshedAt: event.refreshedAt }),
    });
  };

  const flush = () => {
    batchTimer = undefined;
    const events = batch;
    batch = [];
    if (events.length > 0) apply(combineChanges(events));
  };

  const receive = (event: OrdersChanged) => {
    if (pending) {
      pending.push(event);
      return;
    }
    batch.push(event);
    batchTimer ??= setTimeout(flush, EVENT_BATCH_MS);
  };

  const listen = () => {
    if (listening) return;
    listening = true;
    // For the app's lifetime: the side panel reads rows through `row()` on any screen.
    window.desk.on('orders.changed', receive);
  };

  const take = (list: OrdersList) => {
    // What came before the answer is in it; what came while it travelled is applied over it.
    const events = pending ?? [];
    pending = undefined;
    batch = [];
    index(list.rows);
    set({
      rows: list.rows,
      status: 'ready',
      error: undefined,
      refreshing: list.refreshing,
      refreshedAt: list.refreshedAt,
    });
    if (events.length > 0) apply(combineChanges(events));
  };

  return {
    rows: [],
    status: 'idle',
    refreshing: false,
    load: async () => {
      listen();
      if (batchTimer !== undefined) {
        clearTimeout(batchTimer);
        batchTimer = undefined;
      }
      pending ??= [];
      if (get().status !== 'ready') set({ status: 'loading', error: undefined });
      try {
        take(await call('orders.list', {}));
      } catch (error) {
        pending = undefined;
        set({ status: 'error', error: deskError(error) });
        return;
      }
      await get().refresh();
    },
    refresh: async (full = false) => {
      set({ refreshing: true });
      try {
        const result = await call('orders.refresh', { full });
        set({ refreshedAt: result.refreshedAt });
        if (full) notify('success', (t) => t('orders.refresh.reloaded', { count: result.total }));
      } catch (error) {
        notifyError(deskError(error));
      } finally {
        // The core's events say whether another refresh (the background one) still runs.
        set({ refreshing: false });
      }
    },
    row: (paymentId) => byId.get(paymentId),
  };
});
