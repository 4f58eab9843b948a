/**
 * The language a customer's letter starts in: the store's own when RetailCRM says it, else the
 * manager's UI language. UNCERTAIN: the reference (retailcrm-api.md §5.4) lists no language field
 * on a store; some accounts' `reference/sites` carry `language` (e.g. "uk", "ru", "en"). It is read
 * when present and ignored when absent or unknown, so the documented shape falls back cleanly.
 */
import { LANGUAGES, type Language } from '../../shared/settings';
import type { RetailCrmApi } from '../retailcrm/api';
import { log } from '../log';

/** RetailCRM's codes for the languages the letters are written in ("ua" is seen for Ukrainian). */
const CODES: Readonly<Record<string, Language>> = { uk: 'uk', ua: 'uk', ru: 'ru', en: 'en' };

export function languageOf(value: unknown): Language | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toLowerCase().slice(0, 2);
  const language = CODES[code];
  return language && (LANGUAGES as readonly string[]).includes(language) ? language : undefined;
}

/** The store's language, or undefined (no such field, the store unknown, RetailCRM away). */
export async function storeLanguage(
  api: () => Promise<RetailCrmApi>,
  site: string,
): Promise<Language | undefined> {
  try {
    const sites = await (await api()).sites();
    const found = sites.find((candidate) => candidate.code === site) as { language?: unknown } | undefined;
    return languageOf(found?.language);
  } catch (error) {
    // A letter is not held up by a reference book: the UI language is a fine default.
    log.warn('mail: the store language could not be read', { error });
    return undefined;
  }
}
