import { useSyncExternalStore } from 'react';
import { create } from 'zustand';

const MINUTE = 60_000;

interface ClockState {
  now: Date;
  /** Components showing the time now: the clock ticks only while there is one. */
  users: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The app's one clock for what moves with the minutes: hold countdowns, the "expiring" chip, "today
 * at 14:05" in the status bar. It ticks just after each new minute (countdowns then change when a
 * wall clock does), and only while something on screen reads it.
 */
export const useClock = create<ClockState>(() => ({ now: new Date(), users: 0 }));

function tick(): void {
  const now = new Date();
  useClock.setState({ now, timer: setTimeout(tick, MINUTE - (now.getTime() % MINUTE) + 50) });
}

/** Listens to the clock, which ticks from the first listener until the last one leaves. */
export function subscribeClock(listener: () => void): () => void {
  const unsubscribe = useClock.subscribe(listener);
  const { users } = useClock.getState();
  useClock.setState({ users: users + 1 });
  if (users === 0) tick();
  return () => {
    unsubscribe();
    const { users: left, timer } = useClock.getState();
    if (left > 1) return useClock.setState({ users: left - 1 });
    clearTimeout(timer);
    useClock.setState({ users: 0, timer: undefined });
  };
}

/** The time now, to the minute; the component renders again at each new minute. */
export function useNow(): Date {
  return useSyncExternalStore(subscribeClock, () => useClock.getState().now);
}
