/**
 * The search text and phone digits of every row as one string each, so a word is looked for with
 * one `indexOf` pass over all rows rather than once per row, and amounts in a map. Made when a
 * search needs it after the rows changed; what it finds is each row's slot in the index.
 */
import { FIELD_SEPARATOR, type Facts } from './orderFacts';
import { INVOICE_MIN_LENGTH, phoneMatchesDigits, type SearchTerm } from './orderSearch';

/** Between two rows: no search word has it, so no word spans two rows. */
const ROW_SEPARATOR = '\u0002';

/** One string of every row's text, and where each row's part begins. */
class Joined {
  readonly text: string;
  private readonly starts: Int32Array;
  private readonly slots: Int32Array;

  constructor(parts: string[], slots: number[]) {
    this.text = parts.join(ROW_SEPARATOR);
    this.starts = new Int32Array(parts.length);
    this.slots = Int32Array.from(slots);
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      this.starts[i] = at;
      at += parts[i]!.length + ROW_SEPARATOR.length;
    }
  }

  /** Marks the slot of every row whose part has `word`. */
  mark(word: string, into: Uint8Array): void {
    if (word === '' || word.includes(ROW_SEPARATOR) || word.includes(FIELD_SEPARATOR)) return;
    for (let at = this.text.indexOf(word); at >= 0;) {
      const row = this.rowAt(at);
      into[this.slots[row]!] = 1;
      // On to the next row: one hit is enough for this one.
      const next = row + 1 < this.starts.length ? this.starts[row + 1]! : this.text.length;
      at = this.text.indexOf(word, next);
    }
  }

  private rowAt(at: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

export class SearchCorpus {
  private readonly texts: Joined;
  private readonly invoices: Joined;
  private readonly phones: Joined;
  private readonly amounts = new Map<number, number[]>();

  constructor(facts: readonly (Facts | undefined)[]) {
    const texts: string[] = [];
    const invoices: string[] = [];
    const phones: string[] = [];
    const slots: number[] = [];
    for (let slot = 0; slot < facts.length; slot++) {
      const row = facts[slot];
      if (!row) continue;
      texts.push(row.text);
      invoices.push(row.invoice);
      phones.push(row.phoneDigits);
      slots.push(slot);
      for (const amount of row.amounts) {
        const list = this.amounts.get(amount);
        if (list) list.push(slot);
        else this.amounts.set(amount, [slot]);
      }
    }
    this.texts = new Joined(texts, slots);
    this.invoices = new Joined(invoices, slots);
    this.phones = new Joined(phones, slots);
  }

  /** Slot → 1 for the rows that have every term (as `matchesSearch` reads them). */
  find(terms: readonly SearchTerm[], slots: number): Uint8Array {
    let all: Uint8Array | undefined;
    for (const term of terms) {
      const hits = new Uint8Array(slots);
      if (term.text !== undefined) this.texts.mark(term.text, hits);
      if (term.text !== undefined && term.text.length >= INVOICE_MIN_LENGTH)
        this.invoices.mark(term.text, hits);
      if (term.digits !== undefined)
        for (const digits of phoneMatchesDigits(term.digits)) this.phones.mark(digits, hits);
      if (term.amount !== undefined) for (const slot of this.amounts.get(term.amount) ?? []) hits[slot] = 1;
      if (all) for (let slot = 0; slot < slots; slot++) all[slot]! &= hits[slot]!;
      else all = hits;
    }
    return all ?? new Uint8Array(slots).fill(1);
  }
}
