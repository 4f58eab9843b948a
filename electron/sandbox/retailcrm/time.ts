import type { SandboxClock } from '../clock';
import { ZonedTime } from '../zonedTime';

/**
 * RetailCRM dates carry no time zone (reference §1.1: `Y-m-d` and `Y-m-d H:i:s`); they are the account's
 * local time. Which zone a real account uses is its own setting; the fake prints Kyiv time by default.
 * UNCERTAIN: a third-party report says history windows are compared in the account's zone (§10.1).
 */
export const DEFAULT_TIME_ZONE = 'Europe/Kyiv';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export class AccountTime {
  private readonly zone: ZonedTime;

  constructor(
    private readonly clock: SandboxClock,
    timeZone = DEFAULT_TIME_ZONE,
  ) {
    this.zone = new ZonedTime(timeZone);
  }

  /** The clock's current moment as `Y-m-d H:i:s` in the account's zone. */
  now(): string {
    return this.print(this.clock.now());
  }

  print(epochMs: number): string {
    return this.zone.print(epochMs);
  }

  /** A library input (a Date, or a `Y-m-d H:i:s` string taken as account time) → `Y-m-d H:i:s`. */
  normalize(value: Date | string, what: string): string {
    if (value instanceof Date) return this.print(value.getTime());
    if (!isDateTime(value)) throw new RangeError(`${what} must be a Date or "Y-m-d H:i:s", got ${value}`);
    return value;
  }
}

export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && validCalendarDate(match);
}

export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match || !validCalendarDate(match)) return false;
  return Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6]) < 60;
}

function validCalendarDate(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
