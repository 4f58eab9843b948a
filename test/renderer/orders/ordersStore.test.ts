import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrdersChanged, OrdersList } from '../../../electron/shared/channels/orders';
import type { LifecycleState } from '../../../electron/shared/lifecycle';
import type { OrderRow } from '../../../electron/shared/orders';
import { combineChanges, createOrdersStore, EVENT_BATCH_MS } from '../../../renderer/orders/ordersStore';
import { orderRow } from '../rows';

const row = (paymentId: number, state: LifecycleState = 'held', checkedAt?: string): OrderRow => ({
  ...orderRow(paymentId, state),
  ...(checkedAt && { uapay: { checkedAt } }),
});

const change = (changed: OrderRow[], removed: number[] = []): OrdersChanged => ({
  changed,
  removed,
  refreshing: false,
});

/** The preload's bridge as the store sees it: `orders.list` answers when the test says. */
function fakeDesk() {
  const listeners: ((event: OrdersChanged) => void)[] = [];
  let answer: (list: OrdersList) => void = () => undefined;
  const desk = {
    'orders.list': () =>
      new Promise((resolve) => {
        answer = (list) => resolve({ ok: true, value: list });
      }),
    'orders.refresh': () =>
      Promise.resolve({ ok: true, value: { refreshedAt: '2026-11-01T12:00:00.000Z', total: 0 } }),
    on: (name: string, listener: (event: OrdersChanged) => void) => {
      if (name === 'orders.changed') listeners.push(listener);
      return () => undefined;
    },
  };
  vi.stubGlobal('window', { desk });
  return {
    emit: (event: OrdersChanged) => listeners.forEach((listener) => listener(event)),
    answer: (rows: OrderRow[]) => answer({ rows, refreshing: false }),
    listeners: () => listeners.length,
  };
}

describe('the orders store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('applies the events that came while orders.list travelled over its answer', async () => {
    const desk = fakeDesk();
    const store = createOrdersStore();
    const loading = store.getState().load();
    desk.emit(change([row(1, 'paid')], [2]));
    desk.answer([row(1, 'held'), row(2), row(3)]);
    await loading;
    const { index } = store.getState();
    expect(index.get(1)?.state).toBe('paid');
    expect(index.get(2)).toBeUndefined();
    expect(index.get(3)?.state).toBe('held');
  });

  it('applies later events together, once per batch', async () => {
    const desk = fakeDesk();
    const store = createOrdersStore();
    const loading = store.getState().load();
    desk.answer([row(1), row(2)]);
    await loading;
    const version = store.getState().version;
    desk.emit(change([row(1, 'paid')]));
    desk.emit(change([row(2, 'refunded')]));
    vi.advanceTimersByTime(EVENT_BATCH_MS - 1);
    expect(store.getState().index.get(1)?.state).toBe('held');
    vi.advanceTimersByTime(1);
    expect(store.getState().index.get(1)?.state).toBe('paid');
    expect(store.getState().index.get(2)?.state).toBe('refunded');
    expect(store.getState().version).toBe(version + 1);
  });

  it('a row status sync only re-checked is the panel’s news, not the list’s', async () => {
    const desk = fakeDesk();
    const store = createOrdersStore();
    const loading = store.getState().load();
    desk.answer([row(1, 'held', '2026-11-01T10:00:00.000Z')]);
    await loading;
    const version = store.getState().version;
    desk.emit(change([row(1, 'held', '2026-11-01T11:00:00.000Z')]));
    vi.advanceTimersByTime(EVENT_BATCH_MS);
    expect(store.getState().version).toBe(version);
    expect(store.getState().index.get(1)?.uapay?.checkedAt).toBe('2026-11-01T10:00:00.000Z');
    expect(store.getState().row(1)?.uapay?.checkedAt).toBe('2026-11-01T11:00:00.000Z');
  });

  it('keeps nothing outside itself: a new store listens and starts clean', async () => {
    const first = fakeDesk();
    const one = createOrdersStore();
    const loading = one.getState().load();
    first.answer([row(1)]);
    await loading;
    first.emit(change([row(1, 'held', '2026-11-01T11:00:00.000Z')]));
    vi.advanceTimersByTime(EVENT_BATCH_MS);

    const second = fakeDesk();
    const two = createOrdersStore();
    const loadingTwo = two.getState().load();
    expect(second.listeners()).toBe(1);
    second.answer([row(1)]);
    await loadingTwo;
    expect(two.getState().row(1)?.uapay).toBeUndefined();
  });

  it('combines events: the last word on each payment wins', () => {
    const combined = combineChanges([
      { ...change([row(1, 'held'), row(2)]), refreshedAt: '2026-11-01T10:00:00.000Z' },
      change([row(1, 'paid')], [2]),
      { ...change([row(2, 'paid')]), refreshing: true },
    ]);
    expect(combined.changed.map((r) => [r.paymentId, r.state])).toEqual([
      [1, 'paid'],
      [2, 'paid'],
    ]);
    expect(combined).toMatchObject({
      removed: [],
      refreshing: true,
      refreshedAt: '2026-11-01T10:00:00.000Z',
    });
  });
});
