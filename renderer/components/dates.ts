/**
 * Calendar days (`YYYY-MM-DD`) as people of each UI language write them: "28.11.2026" in Ukrainian
 * and Russian, "28/11/2026" in English (en-GB, day first, as in Ukraine). Typed text is read in the
 * same order; an ISO day is accepted too.
 */
import { INTL_LOCALES, type Language } from '../i18n';

type Part = 'day' | 'month' | 'year';

const layouts = new Map<Language, { order: Part[]; separator: string }>();

/** The order of day, month and year, and the mark between them, as Intl writes them for the language. */
function layout(language: Language): { order: Part[]; separator: string } {
  let found = layouts.get(language);
  if (!found) {
    const parts = new Intl.DateTimeFormat(INTL_LOCALES[language], {
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

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)
    return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2026-11-28` → "28.11.2026" (uk); '' stays ''. */
export function formatDay(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return '';
  const { order, separator } = layout(language);
  const parts: Record<Part, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  return order.map((part) => parts[part]).join(separator);
}

/** Typed text → `YYYY-MM-DD`, '' for nothing typed, undefined when it is not a whole, real day. */
export function parseDay(text: string, language: Language): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const numbers = trimmed.split(/\D+/).filter(Boolean);
  if (numbers.length !== 3) return undefined;
  // An ISO day (year first, four digits) is read as such in every language.
  if (numbers[0]!.length === 4) return iso(Number(numbers[0]), Number(numbers[1]), Number(numbers[2]));
  const { order } = layout(language);
  const value: Record<Part, number> = { day: 0, month: 0, year: 0 };
  order.forEach((part, index) => (value[part] = Number(numbers[index])));
  if (String(value.year).length !== 4) return undefined;
  return iso(value.year, value.month, value.day);
}

/** "дд.мм.рррр"-style hint of the format, from the catalogue's letters for day, month and year. */
export function dayPattern(language: Language, letters: Record<Part, string>): string {
  const { order, separator } = layout(language);
  return order.map((part) => letters[part]).join(separator);
}
