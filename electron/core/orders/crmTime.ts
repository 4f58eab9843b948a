/**
 * RetailCRM prints date-times as `Y-m-d H:i:s` in the account's time zone, without the zone
 * (reference §1.1). Which zone a real account uses is its own setting and is UNCERTAIN here: a
 * Ukrainian shop's is Kyiv's, the sandbox prints Kyiv time, and the payments code writes Kyiv time
 * (electron/core/kyivTime.ts). Rows carry absolute ISO times, so "today" and "expires within 24 h"
 * are computed the same way wherever the desktop runs.
 */
export const CRM_TIME_ZONE = 'Europe/Kyiv';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: CRM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The zone's offset changes only at DST; 20,000 rows share a few hundred distinct hours. */
const offsetByHour = new Map<number, number>();

/** Milliseconds the zone's wall clock is ahead of UTC at `epochMs`. */
function offsetAt(epochMs: number): number {
  const hour = Math.floor(epochMs / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts: Record<string, string> = {};
    for (const part of wallClock.formatToParts(new Date(hour * 3_600_000))) parts[part.type] = part.value;
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    offset = wall - hour * 3_600_000;
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** `2025-03-01 10:00:00` (account time) → `2025-03-01T08:00:00.000Z`; undefined for anything else. */
export function crmTimeToIso(text: string | undefined): string | undefined {
  const match = text ? DATE_TIME.exec(text) : null;
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  let epoch = asUtc - offsetAt(asUtc);
  epoch = asUtc - offsetAt(epoch);
  return new Date(epoch).toISOString();
}

/** `Y-m-d H:i:s` minus `minutes`, on the naive wall clock (no zone needed for a lookback window). */
export function crmTimeMinus(text: string, minutes: number): string | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return printNaive(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - minutes * 60_000);
}

/** An absolute instant printed as the account's `Y-m-d H:i:s`. */
export function isoToCrmTime(epochMs: number): string {
  return printNaive(epochMs + offsetAt(epochMs));
}

function printNaive(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
