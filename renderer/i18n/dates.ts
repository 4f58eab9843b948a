/**
 * Dates and times for people, in the UI's language and the desktop's time zone: moments (an ISO
 * time or epoch milliseconds from the core) and calendar days (`YYYY-MM-DD`, the filters' values).
 */
import { currentLanguage, INTL_LOCALES, type Language } from './index';

/**
 * How long a moment is written: `short` where space is tight and many stand together (the list's
 * cells, the status bar: "28.11.2026, 14:05"), `medium` where it is read once (the order panel,
 * Activity, Settings: "28 лист. 2026 р., 14:05").
 */
export type DateStyle = 'short' | 'medium';

const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[language], options);
    formats.set(key, format);
  }
  return format;
}

function epoch(at: string | number): number {
  return typeof at === 'number' ? at : Date.parse(at);
}

/** A moment's date and time of day; '' for a value that is not a time. */
export function formatDateTime(
  at: string | number,
  style: DateStyle,
  language: Language = currentLanguage(),
): string {
  const ms = epoch(at);
  return Number.isNaN(ms)
    ? ''
    : dateTimeFormat(language, { dateStyle: style, timeStyle: 'short' }).format(ms);
}

/** Only the time of day: "14:05" (`short`), or with the seconds, "14:05:09" (`medium`). */
export function formatTime(
  at: string | number,
  style: DateStyle,
  language: Language = currentLanguage(),
): string {
  const ms = epoch(at);
  return Number.isNaN(ms) ? '' : dateTimeFormat(language, { timeStyle: style }).format(ms);
}

/** A recent moment as a status line says it: the time alone when it is today, else date and time. */
export function formatRecent(at: string, now: Date, language: Language): string {
  return new Date(at).toDateString() === now.toDateString()
    ? formatTime(at, 'short', language)
    : formatDateTime(at, 'short', language);
}

const two = (n: number) => String(n).padStart(2, '0');

/** A date's calendar day on this desktop, `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** `YYYY-MM-DD` → that day's local midnight; undefined for anything else. */
export function dayDate(day: string | undefined): Date | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
}

/** A moment as the desktop's wall time, `YYYY-MM-DDTHH:mm` (for files: Excel has no time zones). */
export function wallTime(at: number | string | undefined): string | null {
  if (at === undefined) return null;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  return `${isoDay(date)}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

type Part = 'day' | 'month' | 'year';

const layouts = new Map<Language, { order: Part[]; separator: string }>();

/**
 * The order of day, month and year, and the mark between them, as Intl writes them for the
 * language: "28.11.2026" in Ukrainian and Russian, "28/11/2026" in English (en-GB, day first, as
 * in Ukraine).
 */
function layout(language: Language): { order: Part[]; separator: string } {
  let found = layouts.get(language);
  if (!found) {
    const parts = dateTimeFormat(language, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).formatToParts(new Date(2026, 10, 28));
    const order = parts.flatMap((p) =>
      p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : [],
    );
    const separator = parts.find((p) => p.type === 'literal')?.value ?? '.';
    found = { order, separator };
    layouts.set(language, found);
  }
  return found;
}

/** The day of these numbers, `YYYY-MM-DD`, if it is a real one (not 31 February). */
function realDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)
    return undefined;
  return isoDay(date);
}

/** `2026-11-28` → "28.11.2026" (uk); '' stays ''. */
export function formatDay(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return '';
  const { order, separator } = layout(language);
  const parts: Record<Part, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  return order.map((part) => parts[part]).join(separator);
}

/**
 * Typed text → `YYYY-MM-DD`, read in the language's order; '' for nothing typed, undefined when it
 * is not a whole, real day. An ISO day (year first, four digits) is read as such in every language.
 */
export function parseDay(text: string, language: Language): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const numbers = trimmed.split(/\D+/).filter(Boolean);
  if (numbers.length !== 3) return undefined;
  if (numbers[0]!.length === 4) return realDay(Number(numbers[0]), Number(numbers[1]), Number(numbers[2]));
  const { order } = layout(language);
  const value: Record<Part, number> = { day: 0, month: 0, year: 0 };
  order.forEach((part, index) => (value[part] = Number(numbers[index])));
  if (String(value.year).length !== 4) return undefined;
  return realDay(value.year, value.month, value.day);
}

/** "дд.мм.рррр"-style hint of the format, from the catalogue's letters for day, month and year. */
export function dayPattern(language: Language, letters: Record<Part, string>): string {
  const { order, separator } = layout(language);
  return order.map((part) => letters[part]).join(separator);
}
