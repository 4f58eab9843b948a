/** Messages between the chaos driver and the core's child process (Node's IPC channel). */
import type { LeaseTiming } from '../../electron/core/payments/lease';
import type { Result } from '../../electron/shared/errors';

export type ToCore =
  | { id: number; kind: 'call'; channel: string; request: unknown }
  /** Finishes what the journal shows open (PaymentsService.reconcile); answers how many stay open. */
  | { id: number; kind: 'reconcile' }
  | { id: number; kind: 'close' };

export type FromCore = { ready: true } | { id: number; result: Result<unknown> };

/** Where the child finds its world. */
export interface CoreEnv {
  DESK_CHAOS_DIR: string;
  DESK_CHAOS_SECRETS: string;
  DESK_CHAOS_UAPAY_URL: string;
  DESK_CHAOS_CLOCK_SHIFT_MS?: string;
  /** The RetailCRM lock's timing as JSON (a LeaseTiming); absent: the core's own default. */
  DESK_CHAOS_LEASE?: string;
}

/** The core's timing in the run: short waits, so a fault costs milliseconds, not the app's seconds. */
export const CORE_TIMING = {
  uapayTimeoutMs: 700,
  retailCrm: { attempts: 3, backoffMs: 20, timeoutMs: 1_500 },
  lookAgainMs: [20, 60, 150],
  background: { syncMs: 300, refreshMs: 1_000 },
} as const;

/**
 * The RetailCRM lock's timing of a chaos run (lease.ts; the shipped one waits 2 s before every
 * money call). Still safe for two desktops, as Fischer's lock needs only settleMs > writeWithinMs:
 * a claim slower to write than 800 ms (the run's RetailCRM latency reaches 300 ms a request) is
 * not trusted and the desktop reads again. The race scenario in chaos.test.ts runs the shipped
 * timing.
 */
export const CHAOS_LEASE: LeaseTiming = { writeWithinMs: 800, settleMs: 900, ttlMs: 15 * 60_000 };
