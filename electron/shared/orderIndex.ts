/**
 * The orders list kept ready for queries at 20,000 rows: each row's facts (search keys, times,
 * chips, column values) made once, an order of the rows per sortable column, and the rows that pass
 * the current filter with their chip counts and summary. Row changes are patched into all of these
 * (a changed row moves within each order, its counts are taken out and put back) instead of
 * starting again, so a query is one pass over a ready order.
 */
import {
  chipBits,
  chipMask,
  CONTEXT_COLUMNS,
  computeFacts,
  SORT_COLUMNS,
  sortValue,
  STATE_CHIPS,
  type ChipContext,
  type Facts,
  type SortColumn,
  type SortContext,
  type SortValue,
} from './orderFacts';
import type { OrderQuery, OrdersSummary, QueryContext, QueryResult, Tally } from './orderQuery';
import { SearchCorpus } from './orderSearchCorpus';
import { matchesSearch, parseSearch, searchKey, type SearchTerm } from './orderSearch';
import type { OrderRow } from './orders';

/** Filters kept (and patched) at once. */
const FILTERS_KEPT = 4;

const DEFAULT_SORT: NonNullable<OrderQuery['sort']> = { column: 'createdAt', direction: 'desc' };

/** One column's order of the rows. */
interface Ordering {
  column: SortColumn;
  /** The settings it was made with (merchant names, hold lifetime), for the columns that need them. */
  key: string;
  context: SortContext;
  /** Rows with a value by value, then payment id; then the rows without one, by payment id. */
  slots: Int32Array;
  /** How many rows have a value (they come first). */
  defined: number;
  /** Each slot's value as this order placed it. */
  values: SortValue[];
}

interface Filter {
  sites?: ReadonlySet<string>;
  merchants?: ReadonlySet<string>;
  from?: number;
  to?: number;
  terms: SearchTerm[];
}

/** The rows under every filter but the chips, and what they add up to (kept up to date by patches). */
interface Filtered {
  /** The filters but the search, and the search. */
  base: string;
  key: string;
  filter: Filter;
  context: ChipContext;
  today: number;
  tomorrow: number;
  pass: Uint8Array;
  all: number;
  perChip: number[];
  summary: OrdersSummary;
}

export class OrderIndex {
  /** Facts of the row in each slot; a removed row's slot is empty until another row takes it. */
  private readonly facts: (Facts | undefined)[] = [];
  private readonly slotOf = new Map<number, number>();
  private readonly free: number[] = [];
  private readonly orderings = new Map<SortColumn, Ordering>();
  /** The last few filters asked for, the latest first: typing and clearing a search, or a chip, go back to one. */
  private readonly filters: Filtered[] = [];
  /** Every row's search text at once while no row changes (a patch drops it). */
  private corpus: SearchCorpus | undefined;
  /** Slots by payment id while no row changes (a patch drops it). */
  private paymentIdOrder: number[] | undefined;

  constructor(rows: Iterable<OrderRow> = []) {
    this.patch([...rows], []);
  }

  get size(): number {
    return this.slotOf.size;
  }

  get(paymentId: number): OrderRow | undefined {
    const slot = this.slotOf.get(paymentId);
    return slot === undefined ? undefined : this.facts[slot]?.row;
  }

  /** Every row, in no particular order. */
  *rows(): IterableIterator<OrderRow> {
    for (const facts of this.facts) if (facts) yield facts.row;
  }

  /** Builds the order of these columns (every one) now, at load, so no query waits for one. */
  prepare(context: SortContext, columns: readonly SortColumn[] = SORT_COLUMNS): void {
    for (const column of columns) this.ordering(column, context);
  }

  /**
   * Applies rows added or changed and payment ids removed. A row object already held is left
   * alone; rows are replaced, never mutated, when they change.
   */
  patch(changed: readonly OrderRow[], removed: readonly number[]): void {
    const gone: number[] = [];
    const added: number[] = [];
    const moved: number[] = [];
    for (const paymentId of removed) {
      const slot = this.slotOf.get(paymentId);
      if (slot === undefined) continue;
      this.untally(slot);
      this.slotOf.delete(paymentId);
      this.facts[slot] = undefined;
      gone.push(slot);
    }
    for (const row of changed) {
      let slot = this.slotOf.get(row.paymentId);
      if (slot !== undefined) {
        if (this.facts[slot]!.row === row) continue;
        this.untally(slot);
        moved.push(slot);
      } else {
        // Slots emptied by this patch are taken only by a later one: the orders still hold them.
        slot = this.free.pop() ?? this.facts.length;
        this.slotOf.set(row.paymentId, slot);
        added.push(slot);
      }
      this.facts[slot] = computeFacts(row);
      this.tally(slot);
    }
    if (gone.length + added.length + moved.length === 0) return;
    this.paymentIdOrder = undefined;
    this.corpus = undefined;
    for (const ordering of this.orderings.values()) this.reorder(ordering, added, moved, gone);
    this.free.push(...gone);
  }

  /** The rows to show, in order, with the chip counts and the summary. */
  query(query: OrderQuery, context: QueryContext): QueryResult {
    const filtered = this.filter(query, context);
    const sort = query.sort ?? DEFAULT_SORT;
    const { slots, defined } = this.ordering(sort.column, context);
    const wanted = chipMask(query.chips);
    const { pass } = filtered;
    const { facts } = this;
    const rows: OrderRow[] = [];
    const visit = (from: number, to: number, step: 1 | -1) => {
      for (let i = from; i !== to; i += step) {
        const slot = slots[i]!;
        if (!pass[slot]) continue;
        const row = facts[slot]!;
        if (wanted === undefined || chipBits(row, context) & wanted) rows.push(row.row);
      }
    };
    // Descending: the values from the largest down (equal ones by payment id, also down), and
    // the rows without a value still last, by payment id.
    if (sort.direction === 'asc') visit(0, slots.length, 1);
    else {
      visit(defined - 1, -1, -1);
      visit(defined, slots.length, 1);
    }
    const counts = Object.fromEntries([
      ['all', filtered.all],
      ...STATE_CHIPS.map((chip, index) => [chip, filtered.perChip[index]]),
    ]) as QueryResult['counts'];
    const { held, paidToday, refundedToday } = filtered.summary;
    return {
      rows,
      counts,
      summary: { held: { ...held }, paidToday: { ...paidToday }, refundedToday: { ...refundedToday } },
    };
  }

  private ordering(column: SortColumn, context: SortContext): Ordering {
    const key =
      column === 'merchant'
        ? JSON.stringify(context.merchantNames ?? {})
        : column === 'timeLeft'
          ? String(context.holdLifetimeHours)
          : '';
    let ordering = this.orderings.get(column);
    if (!ordering || ordering.key !== key) {
      ordering = this.order(column, key, context);
      this.orderings.set(column, ordering);
    }
    return ordering;
  }

  private order(column: SortColumn, key: string, context: SortContext): Ordering {
    const kept = (CONTEXT_COLUMNS as readonly SortColumn[]).includes(column)
      ? {
          holdLifetimeHours: context.holdLifetimeHours,
          ...(context.merchantNames && { merchantNames: context.merchantNames }),
        }
      : context;
    const values: SortValue[] = new Array<SortValue>(this.facts.length);
    const withValue: number[] = [];
    const without: number[] = [];
    // By payment id first: the stable sort by value then leaves equal values in that order.
    for (const slot of this.byPaymentId()) {
      const value = valueOf(this.facts[slot]!, column, kept);
      values[slot] = value;
      (value === undefined ? without : withValue).push(slot);
    }
    withValue.sort((a, b) => {
      const va = values[a]!;
      const vb = values[b]!;
      return va < vb ? -1 : va > vb ? 1 : 0;
    });
    const slots = new Int32Array(withValue.length + without.length);
    slots.set(withValue);
    slots.set(without, withValue.length);
    return { column, key, context: kept, slots, defined: withValue.length, values };
  }

  private search(): SearchCorpus {
    return (this.corpus ??= new SearchCorpus(this.facts));
  }

  /** Every row's slot, by payment id (made once, for all the orders built at the same time). */
  private byPaymentId(): number[] {
    if (this.paymentIdOrder) return this.paymentIdOrder;
    const slots = [...this.slotOf.values()];
    const ids = new Float64Array(this.facts.length);
    for (const slot of slots) ids[slot] = this.facts[slot]!.paymentId;
    slots.sort((a, b) => ids[a]! - ids[b]!);
    return (this.paymentIdOrder = slots);
  }

  /** Value, then payment id; rows without a value after all others. */
  private compare(ordering: Ordering, a: number, b: number): number {
    const va = ordering.values[a];
    const vb = ordering.values[b];
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
    } else if (va !== vb) return va < vb ? -1 : 1;
    return this.facts[a]!.paymentId - this.facts[b]!.paymentId;
  }

  /** Moves only the rows whose value in this column changed: out of the order, then merged back in. */
  private reorder(ordering: Ordering, added: number[], moved: number[], gone: number[]): void {
    const { values, column } = ordering;
    const reposition: number[] = [];
    for (const slot of added) {
      values[slot] = valueOf(this.facts[slot]!, column, ordering.context);
      reposition.push(slot);
    }
    const out = new Set<number>(gone);
    for (const slot of moved) {
      const value = valueOf(this.facts[slot]!, column, ordering.context);
      if (value === values[slot]) continue;
      values[slot] = value;
      reposition.push(slot);
      out.add(slot);
    }
    for (const slot of gone) values[slot] = undefined;
    if (reposition.length === 0 && gone.length === 0) return;
    reposition.sort((a, b) => this.compare(ordering, a, b));
    const before = ordering.slots;
    const slots = new Int32Array(before.length - gone.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    let defined = 0;
    while (i < before.length || j < reposition.length) {
      const kept = before[i];
      if (kept !== undefined && out.has(kept)) {
        i++;
        continue;
      }
      const next =
        j >= reposition.length || (kept !== undefined && this.compare(ordering, kept, reposition[j]!) < 0)
          ? before[i++]!
          : reposition[j++]!;
      if (values[next] !== undefined) defined++;
      slots[k++] = next;
    }
    ordering.slots = slots;
    ordering.defined = defined;
  }

  /** The rows passing every filter but the chips: kept from an earlier query with the same filter. */
  private filter(query: OrderQuery, context: QueryContext): Filtered {
    const sites = query.sites?.length ? [...query.sites].sort() : undefined;
    const merchants = query.merchantIds?.length ? [...query.merchantIds].sort() : undefined;
    const from = localDayStart(query.dateFrom);
    const toStart = localDayStart(query.dateTo);
    const to = toStart === undefined ? undefined : nextDay(toStart);
    const terms = parseSearch(query.search);
    const now = context.now.getTime();
    const base = JSON.stringify([sites, merchants, from, to, now, context.holdLifetimeHours]);
    const key = `${base}${searchKey(terms)}`;
    const kept = this.filters.findIndex((filtered) => filtered.key === key);
    if (kept >= 0) {
      const [filtered] = this.filters.splice(kept, 1);
      this.filters.unshift(filtered!);
      return filtered!;
    }
    const today = new Date(
      context.now.getFullYear(),
      context.now.getMonth(),
      context.now.getDate(),
    ).getTime();
    const filtered: Filtered = {
      base,
      key,
      filter: {
        ...(sites && { sites: new Set(sites) }),
        ...(merchants && { merchants: new Set(merchants) }),
        ...(from !== undefined && { from }),
        ...(to !== undefined && { to }),
        terms,
      },
      context: { now: new Date(now), holdLifetimeHours: context.holdLifetimeHours },
      today,
      tomorrow: nextDay(today),
      pass: new Uint8Array(this.facts.length),
      all: 0,
      perChip: STATE_CHIPS.map(() => 0),
      summary: { held: tally(), paidToday: tally(), refundedToday: tally() },
    };
    // A letter typed onto the search: only rows that had the shorter one can have this one.
    const wider = this.filters.find((f) => f.base === base && narrows(terms, f.filter.terms));
    if (wider) {
      for (let slot = 0; slot < wider.pass.length; slot++)
        if (wider.pass[slot]) tallyIn(filtered, slot, this.facts[slot]);
    } else if (terms.length > 0) {
      // Each term found in the text of all rows at once: only the rows with every one are looked at.
      const found = this.search().find(terms, this.facts.length);
      for (let slot = 0; slot < found.length; slot++)
        if (found[slot]) tallyIn(filtered, slot, this.facts[slot]);
    } else {
      for (let slot = 0; slot < this.facts.length; slot++) tallyIn(filtered, slot, this.facts[slot]);
    }
    this.filters.unshift(filtered);
    this.filters.length = Math.min(this.filters.length, FILTERS_KEPT);
    return filtered;
  }

  /** Takes the row in `slot` out of the kept filters' counts. */
  private untally(slot: number): void {
    for (const filtered of this.filters) {
      if (!filtered.pass[slot]) continue;
      filtered.pass[slot] = 0;
      count(filtered, this.facts[slot]!, -1);
    }
  }

  /** Puts the row in `slot` into the counts of the kept filters it passes. */
  private tally(slot: number): void {
    for (const filtered of this.filters) tallyIn(filtered, slot, this.facts[slot]);
  }
}

function tallyIn(filtered: Filtered, slot: number, facts: Facts | undefined): void {
  if (!facts || !passes(filtered.filter, facts)) return;
  if (slot >= filtered.pass.length) {
    const grown = new Uint8Array(Math.max(slot + 1, filtered.pass.length * 2));
    grown.set(filtered.pass);
    filtered.pass = grown;
  }
  filtered.pass[slot] = 1;
  count(filtered, facts, 1);
}

/**
 * Whether every row matching `terms` also matches `before`: each earlier word is within a word now
 * typed (words only; a number may read as a phone or an amount, which a longer one need not keep).
 */
function narrows(terms: readonly SearchTerm[], before: readonly SearchTerm[]): boolean {
  const word = (term: SearchTerm) =>
    term.digits === undefined && term.amount === undefined ? term.text : undefined;
  return before.every((earlier) => {
    const text = word(earlier);
    return text !== undefined && terms.some((term) => word(term)?.includes(text));
  });
}

function valueOf(facts: Facts, column: SortColumn, context: SortContext): SortValue {
  const value = sortValue(facts, column, context);
  return value === undefined || Number.isNaN(value) ? undefined : value;
}

function passes(filter: Filter, facts: Facts): boolean {
  if (filter.sites && !filter.sites.has(facts.site)) return false;
  if (filter.merchants && !(facts.merchantId !== undefined && filter.merchants.has(facts.merchantId)))
    return false;
  if (filter.from !== undefined && !(facts.createdAt >= filter.from)) return false;
  if (filter.to !== undefined && !(facts.createdAt < filter.to)) return false;
  return filter.terms.length === 0 || matchesSearch(facts, filter.terms);
}

/** Adds (`sign` 1) or takes away (-1) a row's share of the chip counts and the summary. */
function count(filtered: Filtered, facts: Facts, sign: 1 | -1): void {
  filtered.all += sign;
  const bits = chipBits(facts, filtered.context);
  for (let index = 0; index < filtered.perChip.length; index++)
    if (bits & (1 << index)) filtered.perChip[index]! += sign;
  const { summary, today, tomorrow } = filtered;
  const { state, captured } = facts;
  if (state === 'held') add(summary.held, captured, sign);
  const refunded = state === 'refunded' || state === 'partially_refunded';
  if ((state === 'paid' || refunded) && isWithin(facts.paidAt, today, tomorrow))
    add(summary.paidToday, captured, sign);
  if (
    refunded &&
    (isWithin(facts.stateChangedAt, today, tomorrow) || isWithin(facts.refundAt, today, tomorrow))
  )
    add(summary.refundedToday, facts.refunded, sign);
}

function isWithin(at: number, from: number, to: number): boolean {
  return at >= from && at < to;
}

function tally(): Tally {
  return { count: 0, total: 0 as Tally['total'] };
}

function add(into: Tally, amount: number, sign: 1 | -1): void {
  into.count += sign;
  into.total = (into.total + sign * amount) as Tally['total'];
}

/** Local midnight of a `YYYY-MM-DD` day (epoch ms), or undefined. */
function localDayStart(day: string | undefined): number | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

function nextDay(start: number): number {
  const date = new Date(start);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}
