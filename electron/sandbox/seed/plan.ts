/**
 * The seed's plan: every order's lifecycle state, customer, items and timeline, decided from the
 * seed alone (times are ages before "now"), so the same seed plans the same data. Applying it to
 * the fakes is apply.ts.
 */
import { SEED_STATES, SITES, type SeedState, type SiteCode } from './account';
import { itemsTotal, pickItems, type DemoItem } from './catalogue';
import { PeopleFactory, type Person } from './people';
import { SeededRandom } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A lifecycle state, or an order paid some other way (cash, bank card, credit) or not yet at all. */
export type OrderKind = SeedState | 'other';
export type MerchantRole = 'manual' | 'auto';
export type OtherPayment = 'cash' | 'bank-card' | 'credit' | 'none';

/** Share of each kind among the orders after the fixed first few. */
const KIND_WEIGHTS: Record<OrderKind, number> = {
  other: 10,
  no_link: 10,
  link_sent: 12,
  held: 12,
  paid: 30,
  failed: 7,
  rejected: 5,
  expired: 5,
  refunded: 5,
  partially_refunded: 4,
};

/** Of the held payments, this share expires within a day. */
const EXPIRING_SOON_SHARE = 0.3;

export interface OrderPlan {
  kind: OrderKind;
  customer: number;
  site: SiteCode;
  items: DemoItem[];
  /** Kopiyky; the UAPAY invoice is for this amount. */
  total: number;
  /** How long before now the order was created. */
  ageMs: number;
  /** The merchant (and so the payment type) of the UAPAY payment; none for `other`. */
  merchant?: MerchantRole;
  /** The payment link was created this long after the order. */
  linkAfterMs?: number;
  /** The card attempt happened this long after the link. */
  payAfterMs?: number;
  /** The manager captured this long after the hold (RetailCRM's paidAt; UAPAY captures at seeding time). */
  captureAfterMs?: number;
  /** A partial capture of a hold (kopiyky, below the total). */
  captureAmount?: number;
  /** Kopiyky refunded (partially_refunded: part of the captured amount). */
  refundAmount?: number;
  /** A held payment whose hold ends within a day of now. */
  expiresSoon?: boolean;
  otherPayment?: OtherPayment;
}

export interface SeedPlan {
  customers: (Person & { site: SiteCode })[];
  /** Oldest first: RetailCRM ids then grow with time, as in a real account. */
  orders: OrderPlan[];
}

export interface PlanOptions {
  size: number;
  seed: number;
  /** The UAPAY fake's hold lifetime (held and expired holds are dated around it). */
  holdLifetimeMs: number;
  /** How long a payment link stays payable (`payExpiresAt`). */
  payLinkLifetimeMs: number;
}

/**
 * The first orders cover every state, both merchants and a hold expiring soon, so even a small seed
 * shows everything; the rest are drawn by KIND_WEIGHTS.
 */
const COVERAGE: readonly { kind: OrderKind; merchant?: MerchantRole; expiresSoon?: boolean }[] = [
  { kind: 'held', merchant: 'manual', expiresSoon: true },
  { kind: 'paid', merchant: 'auto' },
  { kind: 'paid', merchant: 'manual' },
  { kind: 'no_link', merchant: 'auto' },
  { kind: 'link_sent', merchant: 'manual' },
  { kind: 'held', merchant: 'manual' },
  { kind: 'failed', merchant: 'auto' },
  { kind: 'rejected', merchant: 'manual' },
  { kind: 'expired', merchant: 'manual' },
  { kind: 'refunded', merchant: 'auto' },
  { kind: 'partially_refunded', merchant: 'manual' },
  { kind: 'other' },
];

/** States only a HOLD invoice reaches. */
const HOLD_ONLY: ReadonlySet<OrderKind> = new Set(['held', 'rejected', 'expired']);

export function planSeed(options: PlanOptions): SeedPlan {
  if (!Number.isSafeInteger(options.size) || options.size < 0) {
    throw new RangeError(`The seed size must be a whole number ≥ 0, got ${options.size}`);
  }
  const random = new SeededRandom(options.seed);
  const people = new PeopleFactory(random);
  const customerCount = options.size === 0 ? 0 : Math.max(1, Math.round(options.size * 0.4));
  const customers = Array.from({ length: customerCount }, () => ({
    ...people.next(),
    site: (random.chance(0.75) ? SITES[0].code : SITES[1].code) as SiteCode,
  }));
  const orders: OrderPlan[] = [];
  for (let index = 0; index < options.size; index++) {
    const fixed = COVERAGE[index];
    const kind = fixed?.kind ?? random.weighted(KIND_WEIGHTS);
    const customer = random.int(0, customerCount - 1);
    const items = pickItems(random);
    const order: OrderPlan = {
      kind,
      customer,
      site: customers[customer]!.site,
      items,
      total: itemsTotal(items),
      ageMs: 0,
    };
    if (kind !== 'other') {
      order.merchant = fixed?.merchant ?? (HOLD_ONLY.has(kind) || random.chance(0.5) ? 'manual' : 'auto');
    }
    planTimeline(order, random, options, fixed?.expiresSoon);
    orders.push(order);
  }
  // Stable: equal ages keep their planned order.
  orders.sort((a, b) => b.ageMs - a.ageMs);
  return { customers, orders };
}

function between(random: SeededRandom, min: number, max: number): number {
  return min + Math.floor(random.next() * Math.max(0, max - min));
}

/** Kopiyky rounded down to whole hryvnias, at least 1 hryvnia. */
function hryvnias(kopiyky: number): number {
  return Math.max(100, Math.floor(kopiyky / 100) * 100);
}

function planTimeline(order: OrderPlan, random: SeededRandom, options: PlanOptions, expiresSoon?: boolean) {
  const hold = options.holdLifetimeMs;
  const linkAfter = between(random, 2 * MINUTE, 3 * HOUR);
  const payAfter = between(random, 3 * MINUTE, Math.min(12 * HOUR, options.payLinkLifetimeMs - HOUR));
  /** The card attempt happened `attemptAge` ago. */
  const atAttempt = (attemptAge: number) => {
    order.linkAfterMs = linkAfter;
    order.payAfterMs = payAfter;
    order.ageMs = attemptAge + payAfter + linkAfter;
  };
  // A hold captured or cancelled at seeding time must still be alive now.
  const liveHoldAge = () => between(random, 20 * MINUTE, Math.max(hold - 6 * HOUR, 40 * MINUTE));
  const paidAge = () => (order.merchant === 'manual' ? liveHoldAge() : between(random, HOUR, 60 * DAY));
  const captured = () => {
    const age = paidAge();
    atAttempt(age);
    if (order.merchant === 'manual')
      order.captureAfterMs = between(random, 5 * MINUTE, Math.max(age / 2, 6 * MINUTE));
  };

  switch (order.kind) {
    case 'other': {
      order.ageMs = between(random, HOUR, 60 * DAY);
      order.otherPayment = random.weighted({ cash: 45, 'bank-card': 30, credit: 10, none: 15 });
      return;
    }
    case 'no_link':
      order.ageMs = between(random, HOUR, 30 * DAY);
      return;
    case 'link_sent': {
      // Still payable: created less than the link lifetime ago.
      const linkAge = between(random, 30 * MINUTE, options.payLinkLifetimeMs - 6 * HOUR);
      order.linkAfterMs = linkAfter;
      order.ageMs = linkAge + linkAfter;
      return;
    }
    case 'held': {
      order.expiresSoon = expiresSoon ?? random.chance(EXPIRING_SOON_SHARE);
      atAttempt(order.expiresSoon ? between(random, hold - 23 * HOUR, hold - HOUR) : liveHoldAge());
      return;
    }
    case 'paid':
      captured();
      if (order.merchant === 'manual' && order.total > 200 && random.chance(0.15)) {
        order.captureAmount = Math.min(
          order.total - 100,
          hryvnias(order.total * (0.6 + random.next() * 0.35)),
        );
      }
      return;
    case 'partially_refunded':
      captured();
      order.refundAmount = Math.min(order.total - 100, hryvnias(order.total * (0.1 + random.next() * 0.5)));
      return;
    case 'refunded':
      captured();
      order.refundAmount = order.total;
      return;
    case 'failed':
      atAttempt(between(random, HOUR, 60 * DAY));
      return;
    case 'rejected':
      atAttempt(liveHoldAge());
      return;
    case 'expired':
      atAttempt(between(random, hold + HOUR, hold + 30 * DAY));
      return;
  }
}

export function countByKind(orders: readonly OrderPlan[]): Record<OrderKind, number> {
  const counts = Object.fromEntries(['other', ...SEED_STATES].map((kind) => [kind, 0])) as Record<
    OrderKind,
    number
  >;
  for (const order of orders) counts[order.kind]++;
  return counts;
}
