/**
 * Entry of a desktop's core child process. The chaos run kills it with SIGKILL at random points and
 * starts it again on the same user-data folder. For the final settle the parent moves the sandbox
 * clock past the RetailCRM lock's expiry (lease.ts) and starts this process with the same shift
 * (DESK_CHAOS_CLOCK_SHIFT_MS), so a lock left behind by a desktop killed mid-operation has expired,
 * as it would have when the shop opens again. The shift is set before the core is loaded.
 */
const shift = Number(process.env.DESK_CHAOS_CLOCK_SHIFT_MS ?? 0);
if (shift) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

await import('./coreMain');

export {};
