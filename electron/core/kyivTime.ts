/**
 * `Y-m-d H:i:s` in Kyiv time. Both APIs take dates in this form without a zone: RetailCRM in the
 * account's zone (reference §1.1) and UAPAY's `payExpiresAt` (uapay-api.md §3.2). Which zone
 * each really assumes is UNCERTAIN; a Ukrainian shop's and a Ukrainian service's is Kyiv's, and
 * the sandbox reads them so.
 */
export const KYIV = 'Europe/Kyiv';

const format = new Intl.DateTimeFormat('en-GB', {
  timeZone: KYIV,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function kyivDateTime(date: Date): string {
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
