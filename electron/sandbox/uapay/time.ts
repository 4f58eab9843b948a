/** Time formats the invoicer API uses, all computed from the sandbox clock's milliseconds. */
import { ZonedTime } from '../zonedTime';

/**
 * UNCERTAIN (§3.2 gives only the "YYYY-MM-DD HH:MM:SS" shape): `payExpiresAt` carries no zone; UAPAY
 * is a Ukrainian service, so the fake reads it as Kyiv local time.
 */
export const PAY_EXPIRES_AT_TIME_ZONE = 'Europe/Kyiv';

/** `createdAt`, `paidAt`, callback `createDate`… are ISO strings in the examples (§3.3, §3.5, §5). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** JWT `iat`: whole seconds, rounded down so a reply is never "from the future" (§2.5). */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

const payExpiresAtTime = new ZonedTime(PAY_EXPIRES_AT_TIME_ZONE);

/** "YYYY-MM-DD HH:MM:SS" in PAY_EXPIRES_AT_TIME_ZONE → epoch ms, or undefined when not a real time. */
export function parsePayExpiresAt(text: string): number | undefined {
  return payExpiresAtTime.parse(text);
}

/** Epoch ms → "YYYY-MM-DD HH:MM:SS" in PAY_EXPIRES_AT_TIME_ZONE (for tests, the seed and the page). */
export function formatPayExpiresAt(ms: number): string {
  return payExpiresAtTime.print(ms);
}
