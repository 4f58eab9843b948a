import type { Kopiyky } from '../../electron/shared/money';
import { INTL_LOCALES, type Language } from './index';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Kopiyky → hryvnias for people, e.g. 123450 → "1 234,50 ₴" (uk), "₴1,234.50" (en). Intl reads a
 * numeric string exactly (ES2023), so `123450e-2` is 1234.50 with no float in between: no kopiyka
 * is ever rounded away, however large the amount. An order in another currency (which UAPAY does
 * not take) shows its own: amounts in RetailCRM are in the order's currency, in hundredths.
 */
export function formatMoney(amount: Kopiyky, language: Language, currency = 'UAH'): string {
  const key = `${language}:${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[language], {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, format);
  }
  // The DOM typings only admit number | bigint, though every current engine takes the string.
  return format.format(`${amount}e-2` as unknown as number);
}
