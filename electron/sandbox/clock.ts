/**
 * The sandbox's sense of time. Tests and Demo mode move it forward (hold expiry, invoice expiry,
 * callback retry schedules) without waiting; both fakes share one instance when started together.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The sandbox clock only moves forward.');
    this.offsetMs += ms;
  }
}
