import type { Kopiyky } from '../../electron/shared/money';
import type { Language } from './index';
import { numberFormat } from './numbers';

/**
 * Kopiyky → hryvnias for people, e.g. 123450 → "1 234,50 ₴" (uk), "₴1,234.50" (en). Intl reads a
 * numeric string exactly (ES2023), so `123450e-2` is 1234.50 with no float in between: no kopiyka
 * is ever rounded away, however large the amount. An order in another currency (which UAPAY does
 * not take) shows its own: amounts in RetailCRM are in the order's currency, in hundredths.
 */
export function formatMoney(amount: Kopiyky, language: Language, currency = 'UAH'): string {
  const format = numberFormat(language, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // The DOM typings only admit number | bigint, though every current engine takes the string.
  return format.format(`${amount}e-2` as unknown as number);
}
