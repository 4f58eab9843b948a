import type { LeaseTiming } from '../../electron/core/payments/lease';

/**
 * The RetailCRM lock's timing for tests with one desktop: nobody else writes the payment, so the
 * wait for a concurrent writer is cut short. Tests of two desktops use DEFAULT_LEASE_TIMING.
 */
export const QUICK_LEASE: LeaseTiming = { writeWithinMs: 2_000, settleMs: 10, ttlMs: 15 * 60_000 };
