import { INTL_LOCALES, type Language } from './index';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Intl's number format for the UI language, made once per language and options: the list formats
 * thousands of cells while it scrolls, and a new Intl.NumberFormat each time is felt there.
 */
export function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[language], options);
    formats.set(key, format);
  }
  return format;
}

/** A count with the locale's digit grouping ("20 000" in Ukrainian). */
export function formatCount(value: number, language: Language): string {
  return numberFormat(language).format(value);
}
