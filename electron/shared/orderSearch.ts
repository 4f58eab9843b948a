/**
 * The list's one search box: words of a name, an order number, an e-mail or an invoice id; a
 * phone however it is written (`+38 (067) 123-45-67`, `0671234567`, `671234567`); an amount as a
 * person types it (`1 250`, `1250,00`, `1250.5`). Every term must match the row.
 */
import { foldText, type Facts } from './orderFacts';

/** One thing typed; it matches a row when any of its readings does. */
export interface SearchTerm {
  /** A folded substring of the number, name or e-mails, or (long enough) of the invoice id. */
  text?: string;
  /** Digits found in one of the phones. */
  digits?: string;
  /** Kopiyky equal to the payment's, the order's or UAPAY's amount. */
  amount?: number;
}

/** A word that can be part of a phone or an amount. */
const NUMERIC_WORD = /^[\d+()\-.,]*\d[\d+()\-.,]*$/;
const PLAIN_NUMBER = /^\d+$/;
/** Hryvnias with a decimal comma or point (`1250,00`, `1250.5`, `1250,` while typing). */
const DECIMAL = /^(\d+)[.,](\d{0,2})$/;
/** Thousands apart by spaces, as amounts are shown (`1 250`, `12 500,50`). */
const GROUPED = /^([1-9]\d{0,2}(?: \d{3})+)(?:[.,](\d{0,2}))?$/;
const PHONE = /^\+?[\d ()-]+$/;
/** Fewer grouped digits than this read only as an amount; more may also be a phone. */
const GROUPED_PHONE_DIGITS = 7;
/**
 * Invoice ids are long random text: a short word (`41a`, an order number) is in many of them by
 * chance, so only a word this long is looked for in them.
 */
export const INVOICE_MIN_LENGTH = 6;
/** Ukraine's country code: `+380…` finds a phone kept as `0…` and the other way round. */
const COUNTRY_CODE = '38';

function kopiyky(hryvnias: string, fraction = ''): number {
  return Number(hryvnias.replace(/ /g, '')) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Neighbouring numeric words are one term: `+38 (067) 123-45-67` and `1 250` are typed with spaces. */
function group(words: string[]): string[][] {
  const groups: string[][] = [];
  let numeric = false;
  for (const word of words) {
    const isNumeric = NUMERIC_WORD.test(word);
    if (isNumeric && numeric) groups.at(-1)!.push(word);
    else groups.push([word]);
    numeric = isNumeric;
  }
  return groups;
}

function termOf(words: string[]): SearchTerm[] {
  const joined = words.join(' ');
  const single = words.length === 1;
  if (single && PLAIN_NUMBER.test(joined)) {
    return [{ text: joined, digits: joined, amount: kopiyky(joined) }];
  }
  const decimal = DECIMAL.exec(joined);
  if (decimal) return [{ amount: kopiyky(decimal[1]!, decimal[2]) }];
  const grouped = GROUPED.exec(joined);
  if (grouped) {
    const digits = grouped[1]!.replace(/ /g, '');
    const amount = kopiyky(grouped[1]!, grouped[2]);
    return [
      grouped[2] === undefined && digits.length >= GROUPED_PHONE_DIGITS ? { amount, digits } : { amount },
    ];
  }
  if (PHONE.test(joined)) {
    const digits = joined.replace(/\D/g, '');
    // A single word may also be part of an invoice id or an order number (`2024-0017`).
    return [single ? { text: joined, digits } : { digits }];
  }
  return words.map((word) => ({ text: word }));
}

/** The terms of a search; none when it is empty. */
export function parseSearch(search: string | undefined): SearchTerm[] {
  const words = foldText(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return group(words).flatMap(termOf);
}

/**
 * The digit runs a phone must have for `digits` typed: those digits, and for `+38 0…` also the
 * national number (`+38 067…` typed for a phone kept as `067…`).
 */
export function phoneMatchesDigits(digits: string): string[] {
  if (digits === '') return [];
  const national =
    digits.length > COUNTRY_CODE.length + 2 && digits.startsWith(`${COUNTRY_CODE}0`)
      ? digits.slice(COUNTRY_CODE.length)
      : undefined;
  return national ? [digits, national] : [digits];
}

function phoneMatches(phoneDigits: string, digits: string): boolean {
  return phoneMatchesDigits(digits).some((run) => phoneDigits.includes(run));
}

function matchesTerm(facts: Facts, term: SearchTerm): boolean {
  return (
    (term.text !== undefined && facts.text.includes(term.text)) ||
    (term.text !== undefined &&
      term.text.length >= INVOICE_MIN_LENGTH &&
      facts.invoice.includes(term.text)) ||
    (term.digits !== undefined && phoneMatches(facts.phoneDigits, term.digits)) ||
    (term.amount !== undefined && facts.amounts.includes(term.amount))
  );
}

/** Whether the row has every term. */
export function matchesSearch(facts: Facts, terms: readonly SearchTerm[]): boolean {
  for (const term of terms) if (!matchesTerm(facts, term)) return false;
  return true;
}

/** The terms as text that is equal for equal searches (a cache key). */
export function searchKey(terms: readonly SearchTerm[]): string {
  return JSON.stringify(terms);
}
