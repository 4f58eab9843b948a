import { create } from 'zustand';
import type { OrdersChanged, OrdersList } from '../../electron/shared/channels/orders';
import type { DeskError } from '../../electron/shared/errors';
import { OrderIndex, settingsContext, SORT_COLUMNS } from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { call, deskError } from '../desk';
import { notify, notifyError } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';

export type OrdersStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface OrdersState {
  /**
   * Every cached row, as `orders.list` gave them and `orders.changed` updated them, ready for the
   * list's queries. Patched in place: `version` tells that it changed.
   */
  index: OrderIndex;
  version: number;
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

/**
 * The list's index. Its search keys are made now, the order the list shows in when the first query
 * asks, and every other column's order right after, one column per idle moment, so neither the
 * first paint nor a click on a header waits for them.
 */
function indexOf(rows: readonly OrderRow[]): OrderIndex {
  const index = new OrderIndex(rows);
  const settings = useSettings.getState().view?.settings;
  const context = settingsContext(settings);
  const columns = [...SORT_COLUMNS];
  const next = () => {
    const column = columns.shift();
    if (column === undefined) return;
    index.prepare(context, [column]);
    whenIdle(next);
  };
  whenIdle(next);
  return index;
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1_000 });
  else setTimeout(run, 0);
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

/** Plain data (rows as JSON gives them) alike, field by field, but for the fields not shown. */
function alike(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((key) => !NOT_SHOWN.has(key));
  if (keys.length !== Object.keys(y).filter((key) => !NOT_SHOWN.has(key)).length) return false;
  return keys.every((key) => key in y && alike(x[key], y[key]));
}

/**
 * Whether the list shows `a` and `b` alike. Status sync announces every payment it checks (each
 * with a new `uapay.checkedAt`), hundreds a second on a big shop; they are not worth a re-render.
 */
function sameInTheList(a: OrderRow, b: OrderRow): boolean {
  return alike(a, b);
}

/**
 * The orders list's store; the app has one (`useOrders`), a test makes its own. What it keeps
 * besides the state the list renders from lives in here too, so a new store starts clean.
 */
export function createOrdersStore() {
  return create<OrdersState>((set, get) => {
    /** Rows newer than the index's that differ from them only where the list does not look (`row()`). */
    let latest = new Map<number, OrderRow>();
    /** Events that arrive while `orders.list` is on its way, applied over its answer. */
    let pending: OrdersChanged[] | undefined;
    /** Events waiting for the next batch. */
    let batch: OrdersChanged[] = [];
    let batchTimer: ReturnType<typeof setTimeout> | undefined;
    let listening = false;

    const apply = (event: OrdersChanged) => {
      const { index, version } = get();
      // Rows status sync only re-checked are the side panel's news (`row()`), not the list's: the
      // index keeps the row it has, and the list is not queried again for them.
      const shown: OrderRow[] = [];
      for (const row of event.changed) {
        const before = index.get(row.paymentId);
        if (before && sameInTheList(before, row)) latest.set(row.paymentId, row);
        else {
          shown.push(row);
          latest.delete(row.paymentId);
        }
      }
      for (const id of event.removed) latest.delete(id);
      const removed = event.removed.filter((id) => index.get(id) !== undefined);
      index.patch(shown, removed);
      set({
        version: shown.length > 0 || removed.length > 0 ? version + 1 : version,
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
      latest = new Map();
      set({
        index: indexOf(list.rows),
        version: get().version + 1,
        status: 'ready',
        error: undefined,
        refreshing: list.refreshing,
        refreshedAt: list.refreshedAt,
      });
      if (events.length > 0) apply(combineChanges(events));
    };

    return {
      index: new OrderIndex(),
      version: 0,
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
      row: (paymentId) => latest.get(paymentId) ?? get().index.get(paymentId),
    };
  });
}

export const useOrders = createOrdersStore();
