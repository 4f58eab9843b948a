/** The library's controls: faults, call counts, the rate limit, callback deliveries, the clock and the readings. */
import type { SandboxClock } from '../clock';
import type { CallbackDelivery } from './callbacks';
import type { CallFilter, CallRecord } from './calls';
import type { ActiveFault, FaultSpec } from './faults';
import { expireHolds } from './payments';
import type { RateLimit } from './rateLimit';
import { checkReadings, type UapayReadings } from './readings';
import type { FakeRuntime } from './runtime';

export interface UapayFakeControl {
  /** The shared sandbox clock. */
  readonly clock: SandboxClock;
  /** Moves the shared clock forward and releases expired holds at once (their callbacks go out). */
  advanceClock(ms: number): void;
  /** Returns the fault's id. */
  addFault(fault: FaultSpec): number;
  removeFault(id: number): void;
  clearFaults(): void;
  faults(): readonly ActiveFault[];
  /** How many requests reached a method (or all), optionally about one invoice, payment or externalId. */
  calls(filter?: CallFilter): number;
  callLog(filter?: CallFilter): CallRecord[];
  resetCalls(): void;
  /** null (the default) turns the limit off. */
  setRateLimit(limit: RateLimit | null): void;
  rateLimit(): RateLimit | null;
  callbacks(): readonly CallbackDelivery[];
  /**
   * Changes the named readings (readings.ts) from the next request on; the others stay. Existing
   * payments are shown under the new readings at once. Throws TypeError on an unknown name or value.
   */
  setReadings(readings: Partial<UapayReadings>): UapayReadings;
  readings(): UapayReadings;
}

export function createControlApi(runtime: FakeRuntime): UapayFakeControl {
  const { clock, faults, calls, rateLimiter, callbacks, store } = runtime;
  return {
    clock,
    advanceClock(ms) {
      clock.advance(ms);
      expireHolds(store);
    },
    addFault: (fault) => faults.add(fault),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    calls: (filter) => calls.count(filter),
    callLog: (filter) => calls.log(filter),
    resetCalls: () => calls.reset(),
    setRateLimit: (limit) => rateLimiter.set(limit),
    rateLimit: () => rateLimiter.get(),
    callbacks: () => callbacks.deliveries(),
    setReadings(readings) {
      store.readings = { ...store.readings, ...checkReadings(readings) };
      return { ...store.readings };
    },
    readings: () => ({ ...store.readings }),
  };
}
