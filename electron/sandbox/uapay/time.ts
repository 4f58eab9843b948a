/** Time formats the invoicer API uses, all computed from the sandbox clock's milliseconds. */

/**
 * UNCERTAIN (§3.2 gives only the "YYYY-MM-DD HH:MM:SS" shape): `payExpiresAt` carries no zone; UAPAY
 * is a Ukrainian service, so the fake reads it as Kyiv local time.
 */
export const PAY_EXPIRES_AT_TIME_ZONE = 'Europe/Kyiv';

const PAY_EXPIRES_AT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** `createdAt`, `paidAt`, callback `createDate`… are ISO strings in the examples (§3.3, §3.5, §5). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** JWT `iat`: whole seconds, rounded down so a reply is never "from the future" (§2.5). */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** "YYYY-MM-DD HH:MM:SS" in PAY_EXPIRES_AT_TIME_ZONE → epoch ms, or undefined when not a real time. */
export function parsePayExpiresAt(text: string): number | undefined {
  const match = PAY_EXPIRES_AT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  // Two passes settle the zone offset around a daylight-saving change.
  const guess = asUtc - zoneOffsetMs(asUtc);
  return asUtc - zoneOffsetMs(guess);
}

/** Epoch ms → "YYYY-MM-DD HH:MM:SS" in PAY_EXPIRES_AT_TIME_ZONE (for tests, the seed and the page). */
export function formatPayExpiresAt(ms: number): string {
  return isoTime(ms + zoneOffsetMs(ms))
    .slice(0, 19)
    .replace('T', ' ');
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: PAY_EXPIRES_AT_TIME_ZONE,
  timeZoneName: 'longOffset',
});

function zoneOffsetMs(at: number): number {
  const name = offsetFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -minutes : minutes) * 60_000;
}
