/**
 * What the orders list reads of a row, worked out once per row object: its search keys, its times,
 * the chips its state puts it in and its value in every sortable column. Rows are replaced, never
 * mutated, when they change, so the row object identifies its facts.
 */
import type { OperationKind } from './operationKinds';
import { LIFECYCLE_STATES, type LifecycleState } from './lifecycle';
import type { Kopiyky } from './money';
import type { OrderRow } from './orders';

/** The journal's kind of a refund (a row's last operation). */
const REFUND_KIND: OperationKind = 'payment.refund';

/** The state filters of the list (the Orders screen). */
export const STATE_CHIPS = ['held', 'expiring', 'link_sent', 'paid', 'refunded', 'failed'] as const;
export type StateChip = (typeof STATE_CHIPS)[number];

const CHIP_STATES: Record<Exclude<StateChip, 'expiring'>, readonly LifecycleState[]> = {
  held: ['held'],
  link_sent: ['link_sent'],
  paid: ['paid'],
  refunded: ['refunded', 'partially_refunded'],
  failed: ['failed', 'rejected', 'expired'],
};

/** "Expiring": a hold with at most this much time left (or already past its end). */
export const EXPIRING_WITHIN_MS = 24 * 60 * 60 * 1000;

export const SORT_COLUMNS = [
  'orderNumber',
  'createdAt',
  'site',
  'customerName',
  'email',
  'orderTotal',
  'amount',
  'merchant',
  'state',
  'crmStatus',
  'invoiceId',
  'timeLeft',
  'paidAt',
  'lastOperation',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Columns whose order depends on the settings (merchant names, the hold lifetime), not on the row alone. */
export const CONTEXT_COLUMNS = ['merchant', 'timeLeft'] as const satisfies readonly SortColumn[];

export interface SortContext {
  /** Settings: how long UAPAY keeps a hold (not documented by UAPAY). */
  holdLifetimeHours: number;
  /** Merchant id → name, to sort by the name a person sees. */
  merchantNames?: Readonly<Record<string, string>>;
}

export interface ChipContext {
  now: Date;
  holdLifetimeHours: number;
}

const FOLDED_AWAY = /[’ʼ‘`´ё]/;
/** Combining marks: only a text with one can change under NFC (й, ї typed as two code points). */
const COMBINING = /[\u0300-\u036f]/;

/**
 * Case, composed letters (й, ї typed as two code points), the apostrophe forms of Ukrainian names
 * (’ ʼ ') and ё folded. `toLowerCase` is `toLocaleLowerCase('uk')` for every Cyrillic and Latin
 * letter (Ukrainian has no special casing) and many times faster on 20,000 rows.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  const folded = COMBINING.test(lower) ? lower.normalize('NFC') : lower;
  return FOLDED_AWAY.test(folded) ? folded.replace(/[’ʼ‘`´]/g, "'").replace(/ё/g, 'е') : folded;
}

/** Ukrainian alphabet order, with the Russian letters where ICU's Cyrillic order puts them. */
const ALPHABET = 'абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюя';
/** Character code → its code in a key: the alphabet moved above Latin, in alphabet order. */
const KEY_CODE = new Uint16Array(0x500).map((_, code) => code);
for (const [index, letter] of [...ALPHABET].entries()) KEY_CODE[letter.charCodeAt(0)] = 0x4000 + index;
/** Numbers compare by value up to this many digits. */
const NUMBER_WIDTH = 16;

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * A key whose plain `<` order is the list's order for people: Ukrainian alphabet (г ґ … е є … и і
 * ї), Latin before Cyrillic, case and ё folded, numbers by value (`2A` before `10A`). Comparing
 * these is many times faster than `Intl.Collator` on 20,000 rows, and the key is made once per row.
 */
function collationKey(text: string): string {
  const folded = foldText(text);
  // A character makes one code, a number of n digits max(n, NUMBER_WIDTH): never over 16 a character.
  let codes = KEY_BUFFER;
  if (folded.length * NUMBER_WIDTH > codes.length) codes = new Uint16Array(folded.length * NUMBER_WIDTH);
  let length = 0;
  for (let i = 0; i < folded.length;) {
    const code = folded.charCodeAt(i);
    if (isDigit(code)) {
      let start = i;
      let end = i;
      while (end < folded.length && isDigit(folded.charCodeAt(end))) end++;
      // Leading zeros dropped, then padded: numbers compare by value.
      while (start < end - 1 && folded.charCodeAt(start) === 48) start++;
      const digits = end - start;
      for (let pad = NUMBER_WIDTH - digits; pad > 0; pad--) codes[length++] = 48;
      for (let d = start; d < end; d++) codes[length++] = folded.charCodeAt(d);
      i = end;
    } else {
      codes[length++] = code < KEY_CODE.length ? KEY_CODE[code]! : code;
      i++;
    }
  }
  return KEY_DECODER.decode(codes.subarray(0, length));
}

/** Reused between keys: most texts are short. */
const KEY_BUFFER = new Uint16Array(256 * NUMBER_WIDTH);
/** UTF-16 code units back to text (a key's codes are never lone surrogates of their own making). */
const KEY_DECODER = new TextDecoder('utf-16le');

/** Thousands of rows share a few texts (sites, statuses, merchants): their keys are made once. */
const collationKeys = new Map<string, string>();
const COLLATION_KEYS_KEPT = 1_000;

function cachedCollationKey(text: string): string {
  let key = collationKeys.get(text);
  if (key === undefined) {
    if (collationKeys.size >= COLLATION_KEYS_KEPT) collationKeys.clear();
    collationKeys.set(text, (key = collationKey(text)));
  }
  return key;
}

const STATE_BITS = new Map<LifecycleState, number>(
  LIFECYCLE_STATES.map((state) => [
    state,
    STATE_CHIPS.reduce(
      (bits, chip, index) =>
        chip !== 'expiring' && CHIP_STATES[chip].includes(state) ? bits | (1 << index) : bits,
      0,
    ),
  ]),
);
const EXPIRING_BIT = 1 << STATE_CHIPS.indexOf('expiring');

/** Bits of the chips (bit i: STATE_CHIPS[i]); none: every chip. */
export function chipMask(chips: readonly StateChip[] | undefined): number | undefined {
  return chips?.length ? chips.reduce((bits, chip) => bits | (1 << STATE_CHIPS.indexOf(chip)), 0) : undefined;
}

export type SortValue = string | number | undefined;

/** Every field is always present (one object shape): 20,000 rows are read in one pass per query. */
export interface Facts {
  row: OrderRow;
  paymentId: number;
  site: string;
  merchantId: string | undefined;
  state: LifecycleState;
  /** What UAPAY holds or captured once asked, else the payment's amount. */
  captured: number;
  refunded: number;
  /** Folded order number, customer's name and e-mails, apart by a character no search has. */
  text: string;
  /** The folded UAPAY invoice id (searched only by longer words: orderSearch.ts). */
  invoice: string;
  /** The phones' digits, apart the same way. */
  phoneDigits: string;
  /** What a person may type to find the row by money: the payment's, the order's and UAPAY's amount. */
  amounts: readonly number[];
  /** The order's creation (epoch ms; NaN when unreadable). */
  createdAt: number;
  /** The chips the state alone puts the row in (bit i: STATE_CHIPS[i]). */
  chips: number;
  /** Held rows: UAPAY's end of the hold, else when the hold (at the earliest) began. */
  holdEnd: number | undefined;
  holdStart: number | undefined;
  paidAt: number;
  stateChangedAt: number;
  refundAt: number;
  stateOrder: number | undefined;
  lastOperationAt: number | undefined;
}

const factsCache = new WeakMap<OrderRow, Facts>();

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.NaN);
const STATE_ORDER = new Map<string, number>(LIFECYCLE_STATES.map((state, index) => [state, index]));
/** A separator no search word contains, so a word never spans two fields. */
export const FIELD_SEPARATOR = '\u0001';

const defined = (value: number) => (Number.isNaN(value) ? undefined : value);
const textValue = (text: string | undefined) => (text ? collationKey(text) : undefined);
const sharedTextValue = (text: string | undefined) => (text ? cachedCollationKey(text) : undefined);

/** A row's facts, kept for the row object (for the helpers below and one-off queries). */
function factsOf(row: OrderRow): Facts {
  let facts = factsCache.get(row);
  if (!facts) factsCache.set(row, (facts = computeFacts(row)));
  return facts;
}

/** A row's facts, made anew (an index keeps its own). */
export function computeFacts(row: OrderRow): Facts {
  const held = row.state === 'held';
  const holdEnd = held ? time(row.uapay?.holdExpiresAt) : Number.NaN;
  const holdStart = held ? time(row.uapay?.heldSince ?? row.stateChangedAt ?? row.createdAt) : Number.NaN;
  const created = Date.parse(row.createdAt);
  const paidAt = time(row.paidAt);
  const amounts = [row.amount, row.orderTotal];
  if (row.uapay?.amount !== undefined) amounts.push(row.uapay.amount);
  return {
    row,
    paymentId: row.paymentId,
    site: row.site,
    merchantId: row.merchantId,
    state: row.state,
    captured: row.uapay?.amount ?? row.amount,
    refunded: refundedAmount(row),
    text: foldText([row.orderNumber, row.customerName, ...row.emails].join(FIELD_SEPARATOR)),
    invoice: foldText(row.invoiceId ?? ''),
    phoneDigits: row.phones.map((phone) => phone.replace(/\D/g, '')).join(FIELD_SEPARATOR),
    amounts,
    createdAt: created,
    chips: STATE_BITS.get(row.state) ?? 0,
    holdEnd: defined(holdEnd),
    holdStart: defined(holdStart),
    paidAt,
    stateChangedAt: time(row.stateChangedAt),
    // The journal's kind: a second partial refund leaves the state as it was, so only it tells.
    refundAt: row.lastOperation?.kind === REFUND_KIND ? time(row.lastOperation.at) : Number.NaN,
    stateOrder: STATE_ORDER.get(row.state),
    lastOperationAt: row.lastOperation ? defined(Date.parse(row.lastOperation.at)) : undefined,
  };
}

function holdEndOf(facts: Facts, holdLifetimeHours: number): number | undefined {
  if (facts.holdEnd !== undefined) return facts.holdEnd;
  return facts.holdStart === undefined ? undefined : facts.holdStart + holdLifetimeHours * 60 * 60 * 1000;
}

/**
 * When a held payment's hold ends (epoch ms): UAPAY's facts when status sync has them, else the
 * hold lifetime counted from when the hold began, or — not known yet — from the earliest moment it
 * can have begun (the state change we saw, else the order's creation), so the estimate errs early.
 */
export function holdExpiresAt(row: OrderRow, holdLifetimeHours: number): number | undefined {
  return holdEndOf(factsOf(row), holdLifetimeHours);
}

export function chipBits(facts: Facts, context: ChipContext): number {
  const end = holdEndOf(facts, context.holdLifetimeHours);
  return end !== undefined && end - context.now.getTime() <= EXPIRING_WITHIN_MS
    ? facts.chips | EXPIRING_BIT
    : facts.chips;
}

/** The chips a row shows under. */
export function chipsOf(row: OrderRow, context: ChipContext): StateChip[] {
  const bits = chipBits(factsOf(row), context);
  return STATE_CHIPS.filter((_, index) => bits & (1 << index));
}

/** The row's value in a column: missing (undefined) when it has none. */
export function sortValue(facts: Facts, column: SortColumn, context: SortContext): SortValue {
  const { row } = facts;
  switch (column) {
    // Text columns' keys are made when their order is (at load, while idle), not with the facts.
    case 'orderNumber':
      return textValue(row.orderNumber);
    case 'customerName':
      return textValue(row.customerName);
    case 'email':
      return textValue(row.emails[0]);
    case 'invoiceId':
      return textValue(row.invoiceId);
    case 'site':
      return sharedTextValue(row.site);
    case 'crmStatus':
      return sharedTextValue(row.crmStatus);
    case 'merchant':
      // Merchant names change with settings: their keys are not kept on the row.
      return row.merchantId
        ? sharedTextValue(context.merchantNames?.[row.merchantId] ?? row.merchantId)
        : undefined;
    case 'createdAt':
      return defined(facts.createdAt);
    case 'orderTotal':
      return row.orderTotal;
    case 'amount':
      return row.amount;
    case 'state':
      return facts.stateOrder;
    case 'timeLeft':
      return holdEndOf(facts, context.holdLifetimeHours);
    case 'paidAt':
      return defined(facts.paidAt);
    case 'lastOperation':
      return facts.lastOperationAt;
  }
}

/**
 * Fully refunded: what was captured. Partly: what was captured minus what the shop keeps (the
 * RetailCRM payment's amount after a partial refund).
 */
export function refundedAmount(row: OrderRow): Kopiyky {
  const captured = row.uapay?.amount ?? row.amount;
  if (row.state === 'refunded') return captured;
  if (row.state === 'partially_refunded') return Math.max(0, captured - row.amount) as Kopiyky;
  return 0 as Kopiyky;
}
