/**
 * Amounts as a manager types them into a field, and back: "1 234,50", "1234.5" or "1234" hryvnias
 * ↔ integer kopiyky, through the digits (never a float), as electron/shared/money.ts does for
 * RetailCRM's decimals.
 */
import { formatDecimal, MAX_KOPIYKY, type Kopiyky } from '../../../electron/shared/money';
import type { Language } from '../../../electron/shared/settings';

/** Spaces (also the no-break ones Intl writes), the hryvnia sign and "грн"/"UAH" are left out. */
const NOISE = /[\s\u00a0\u202f₴]|грн\.?|uah/gi;
const AMOUNT = /^(\d+)(?:[.,](\d{1,2}))?$/;

/** The typed text → kopiyky, or undefined when it is not an amount (negative, 3 decimals, letters). */
export function parseAmount(text: string): Kopiyky | undefined {
  const match = AMOUNT.exec(text.replace(NOISE, ''));
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return value <= BigInt(MAX_KOPIYKY) ? (Number(value) as Kopiyky) : undefined;
}

/** Kopiyky → the text a field starts with: "1234,50" in Ukrainian and Russian, "1234.50" in English. */
export function amountToText(amount: Kopiyky, language: Language): string {
  const text = formatDecimal(amount);
  return language === 'en' ? text : text.replace('.', ',');
}

export type AmountProblem = 'invalid' | 'zero' | 'above';

/** A typed amount checked against the most it may be (the hold, what remains refundable). */
export function checkAmount(
  text: string,
  max: Kopiyky,
): { amount: Kopiyky; problem?: undefined } | { amount?: undefined; problem: AmountProblem } {
  const amount = parseAmount(text);
  if (amount === undefined) return { problem: 'invalid' };
  if (amount === 0) return { problem: 'zero' };
  if (amount > max) return { problem: 'above' };
  return { amount };
}
