/**
 * `Y-m-d H:i:s` in Kyiv time, both ways. Both APIs speak date-times in this form without a zone:
 * RetailCRM in the account's zone (reference §1.1) and UAPAY's `payExpiresAt` (uapay-api.md §3.2).
 * Which zone each really assumes is UNCERTAIN (a RetailCRM account's zone is its own setting); a
 * Ukrainian shop's and a Ukrainian service's is Kyiv's, and the sandbox reads them so. Rows carry
 * absolute ISO times, so "today" and "expires within 24 h" come out the same wherever the desktop
 * runs.
 */
const KYIV = 'Europe/Kyiv';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const HOUR_MS = 3_600_000;

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: KYIV,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The zone's offset changes only on whole hours (DST); 20,000 rows share a few hundred of them. */
const offsetByHour = new Map<number, number>();

/** Milliseconds Kyiv's wall clock is ahead of UTC at `epochMs`. */
function offsetAt(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts: Record<string, string> = {};
    for (const part of wallClock.formatToParts(new Date(hour * HOUR_MS))) parts[part.type] = part.value;
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    offset = wall - hour * HOUR_MS;
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** An instant as Kyiv's `Y-m-d H:i:s`. */
export function kyivDateTime(at: Date | number): string {
  const epochMs = typeof at === 'number' ? at : at.getTime();
  return printNaive(epochMs + offsetAt(epochMs));
}

/** `2025-03-01 10:00:00` (Kyiv) → `2025-03-01T08:00:00.000Z`; undefined for anything else. */
export function kyivDateTimeToIso(text: string | undefined): string | undefined {
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
export function kyivDateTimeMinus(text: string, minutes: number): string | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return printNaive(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - minutes * 60_000);
}

function printNaive(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
