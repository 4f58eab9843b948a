import { useEffect } from 'react';
import { create } from 'zustand';

const MINUTE = 60_000;

/** The list's "now": hold countdowns and the "expiring" chip move on with it, once a minute. */
export const useMinuteClock = create<{ now: Date }>(() => ({ now: new Date() }));

/** Ticks the clock on each new minute while the orders screen is open. */
export function useMinuteTicks(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const now = new Date();
      useMinuteClock.setState({ now });
      timer = setTimeout(tick, MINUTE - (now.getTime() % MINUTE) + 50);
    };
    tick();
    return () => clearTimeout(timer);
  }, []);
}
