/**
 * Money inside the app is an integer number of kopiyky, end to end. RetailCRM speaks decimal
 * hryvnias (JSON numbers such as 30770.4); they are converted here, through their decimal text,
 * never by multiplying a float. Formatting for people happens only in the renderer.
 */
import { z } from 'zod';

declare const brand: unique symbol;
export type Kopiyky = number & { readonly [brand]: 'kopiyky' };

/** A little under 90 trillion hryvnias: the largest amount an IEEE double holds exactly. */
export const MAX_KOPIYKY = Number.MAX_SAFE_INTEGER;

export function kopiyky(value: number): Kopiyky {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of kopiyky: ${value}`);
  return value as Kopiyky;
}

/** For IPC schemas: a non-negative whole number of kopiyky. */
export const kopiykySchema = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_KOPIYKY)
  .transform((value) => value as Kopiyky);

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Hryvnias as RetailCRM sends them (a JSON number or a decimal string) → kopiyky. Digits beyond
 * the second decimal (a float sum on the CRM side) are rounded half away from zero.
 */
export function parseHryvnias(value: number | string): Kopiyky {
  const text = typeof value === 'number' ? numberToPlainDecimal(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`Not an amount in hryvnias: ${JSON.stringify(value)}`);
  const [, minus, whole = '0', fraction = ''] = match;
  const padded = (fraction + '000').slice(0, 3);
  let cents = BigInt(whole) * 100n + BigInt(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1n;
  const result = Number(minus ? -cents : cents);
  return kopiyky(Object.is(result, -0) ? 0 : result);
}

/**
 * What an order still owes: its total less what RetailCRM counts as paid (its `prepaySum`, every
 * completed payment together). Never below zero (an order may be overpaid).
 */
export function stillOwed(total: Kopiyky, paid: Kopiyky | undefined): Kopiyky {
  return kopiyky(Math.max(0, total - (paid ?? 0)));
}

/** Kopiyky → the decimal hryvnias RetailCRM expects, e.g. 123450 → 1234.5 (exact on the wire). */
export function toHryvnias(amount: Kopiyky): number {
  return Number(formatDecimal(amount));
}

/** Kopiyky → "1234.50", for logs, CSV and journal lines (not for display). */
export function formatDecimal(amount: Kopiyky): string {
  const sign = amount < 0 ? '-' : '';
  const abs = BigInt(Math.abs(amount));
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** JavaScript prints the shortest decimal that round-trips; expand exponent forms to digits. */
function numberToPlainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not an amount in hryvnias: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
