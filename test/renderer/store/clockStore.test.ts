import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeClock, useClock } from '../../../renderer/store/clockStore';

describe('the clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 10, 28, 14, 5, 30));
    useClock.setState(useClock.getInitialState(), true);
  });
  afterEach(() => vi.useRealTimers());

  it('reads the time when the first user comes, then moves on just after each new minute', () => {
    const off = subscribeClock(() => undefined);
    expect(useClock.getState().now.getTime()).toBe(new Date(2026, 10, 28, 14, 5, 30).getTime());
    vi.advanceTimersByTime(29_000);
    expect(useClock.getState().now.getMinutes()).toBe(5);
    vi.advanceTimersByTime(1_100);
    expect(useClock.getState().now.getMinutes()).toBe(6);
    vi.advanceTimersByTime(60_000);
    expect(useClock.getState().now.getMinutes()).toBe(7);
    off();
  });

  it('stops when the last user leaves, and not before', () => {
    const first = subscribeClock(() => undefined);
    const second = subscribeClock(() => undefined);
    first();
    vi.advanceTimersByTime(60_000);
    expect(useClock.getState().now.getMinutes()).toBe(6);
    second();
    expect(useClock.getState()).toMatchObject({ users: 0, timer: undefined });
    vi.advanceTimersByTime(10 * 60_000);
    expect(useClock.getState().now.getMinutes()).toBe(6);
    expect(vi.getTimerCount()).toBe(0);
  });
});
