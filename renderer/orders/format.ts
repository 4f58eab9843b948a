import { INTL_LOCALES, type Language } from '../i18n';

const dateTimes = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, style: 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let format = dateTimes.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      INTL_LOCALES[language],
      style === 'time' ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' },
    );
    dateTimes.set(key, format);
  }
  return format;
}

/** An ISO moment in the desktop's time zone, e.g. "28.11.2026, 14:05" in Ukrainian. */
export function formatDateTime(iso: string | number, language: Language): string {
  const at = typeof iso === 'number' ? iso : Date.parse(iso);
  return Number.isNaN(at) ? '' : formatter(language, 'dateTime').format(at);
}

/** Only the time of day ("14:05"), for today's moments. */
export function formatTime(iso: string, language: Language): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : formatter(language, 'time').format(at);
}

const counts = new Map<Language, Intl.NumberFormat>();

/** A count with the locale's digit grouping ("20 000" in Ukrainian). */
export function formatCount(value: number, language: Language): string {
  let format = counts.get(language);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[language]);
    counts.set(language, format);
  }
  return format.format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A hold's time left, split for the words: days and hours, hours and minutes, or minutes. */
export type TimeLeft =
  | { unit: 'days'; days: number; hours: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'minutes'; minutes: number }
  | { unit: 'expired' };

/** Rounded down, so a hold never looks longer than it is; at least a minute while any time remains. */
export function timeLeft(ms: number): TimeLeft {
  if (ms <= 0) return { unit: 'expired' };
  if (ms >= DAY) return { unit: 'days', days: Math.floor(ms / DAY), hours: Math.floor((ms % DAY) / HOUR) };
  if (ms >= HOUR)
    return { unit: 'hours', hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / MINUTE) };
  return { unit: 'minutes', minutes: Math.max(1, Math.floor(ms / MINUTE)) };
}
