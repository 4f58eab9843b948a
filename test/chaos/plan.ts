/**
 * The seeded sequence of operations. Each op is plain data drawn from the seed alone (never from
 * what the run saw), so the first k ops of a seed's plan are the plan of `--ops k`: a failing run
 * is replayed, and shrunk, by running prefixes. Which payment an op acts on is chosen when it runs,
 * from `pick` (a number in [0, 1)) over the payments that fit it then.
 */
import type { UapayMethod } from '../../electron/sandbox/uapay';
import { Random } from './random';

/** Where a kill lands inside an operation: after a delay, or as UAPAY or RetailCRM gets the call. */
export type KillPoint = { at: 'delay'; ms: number } | { at: 'uapay' } | { at: 'crm' };

/**
 * Which desktop of the shop acts: 0 is the first one, 1 a second one beside it (its own user-data
 * folder, journal and desktop id; the same keys, settings and shop).
 */
export type DeskIndex = 0 | 1;

export type UapayFaultOp =
  | { kind: 'http'; status: number }
  | { kind: 'timeout' }
  | { kind: 'lostReply'; reply: 'bad-gateway' | 'drop' | 'hang' }
  | { kind: 'latency'; ms: number };

export type CrmFaultOp =
  | { kind: 'status'; status: number; afterWork: boolean }
  | { kind: 'hang'; afterWork: boolean }
  | { kind: 'drop'; afterWork: boolean };

export type Op =
  /** A customer orders on the shop's site (RetailCRM); the core sees it at its next refresh. */
  | { op: 'order'; total: number }
  | { op: 'add'; pick: number; merchant: 'manual' | 'auto'; part?: number }
  | { op: 'refresh'; full: boolean }
  | { op: 'link'; pick: number; kill?: KillPoint }
  | { op: 'send'; pick: number }
  /** The customer on the hosted page (the sandbox's pay, as the page does it). */
  | { op: 'pay'; pick: number; card: 'success' | 'decline' | '3ds-confirmed' }
  | { op: 'confirm'; pick: number; part?: number; kill?: KillPoint; desk?: DeskIndex }
  | { op: 'cancel'; pick: number; kill?: KillPoint; desk?: DeskIndex }
  | { op: 'refund'; pick: number; part?: number; kill?: KillPoint; desk?: DeskIndex }
  /**
   * Both desktops run the same money operation on the same payment at once (the kill, if any,
   * lands on `killDesk`); `crmLag` slows the first RetailCRM payment write by that many ms.
   */
  | {
      op: 'race';
      action: 'confirm' | 'cancel' | 'refund';
      pick: number;
      part?: number;
      crmLag?: number;
      kill?: KillPoint;
      killDesk: DeskIndex;
    }
  /**
   * A link is made; `relinks` times the payment's amount is changed in RetailCRM (to `share` of
   * it) and a new link made. The customer pays one of the superseded links (`pays` picks which),
   * and with `both` the newest as well.
   */
  | {
      op: 'supersede';
      pick: number;
      share: number;
      relinks: 1 | 2;
      pays: number;
      both: boolean;
      card: 'success' | '3ds-confirmed';
    }
  /** The customer's card is declined on a live link; the manager makes the link again; it is paid. */
  | { op: 'redecline'; pick: number; card: 'success' | '3ds-confirmed' }
  /** The manager gives back money a payment took on an extra invoice (two of its links paid). */
  | { op: 'giveBack'; pick: number }
  | { op: 'bulk'; action: 'confirm' | 'cancel'; select: number; resume: boolean; kill?: KillPoint }
  | { op: 'sync'; all: boolean }
  /** A past UAPAY callback posted to the relay again (duplicate, stale): a hint to look. */
  | { op: 'callback'; pick: number }
  | { op: 'uapayFault'; method: UapayMethod | '*'; fault: UapayFaultOp; times: number }
  | { op: 'crmFault'; route: CrmRoute; fault: CrmFaultOp; times: number }
  | { op: 'crmLatency'; ms: number }
  | { op: 'relay'; up: boolean }
  | { op: 'smtp'; down: boolean }
  | { op: 'clearFaults' }
  /** SIGKILL a desktop's core between operations (it starts again before its next call). */
  | { op: 'kill'; desk: DeskIndex };

export const CRM_ROUTES = [
  'orders/payments/{id}/edit',
  'orders/payments/create',
  'orders/{externalId}',
  'orders/history',
  'orders',
  '*',
] as const;
export type CrmRoute = (typeof CRM_ROUTES)[number];

const MONEY_METHODS: (UapayMethod | '*')[] = [
  'invoicer/payments/complete',
  'invoicer/payments/cancel',
  'invoicer/payments/reverse',
  'invoicer/invoices/show',
  'invoicer/invoices/show/list',
  'invoicer/invoices/create',
  'sessions/create',
  '*',
];

const WEIGHTS = {
  order: 3,
  add: 8,
  refresh: 3,
  link: 11,
  send: 2,
  pay: 14,
  confirm: 10,
  cancel: 4,
  refund: 9,
  bulk: 3,
  race: 3,
  supersede: 3,
  redecline: 2,
  giveBack: 1,
  sync: 3,
  callback: 2,
  uapayFault: 6,
  crmFault: 3,
  crmLatency: 1,
  relay: 2,
  smtp: 1,
  clearFaults: 3,
  kill: 2,
} as const satisfies Record<Op['op'], number>;

/** A kill inside this share of the operations that can be cut. */
const KILL_INSIDE = 0.06;
/** This share of the single-desktop money operations runs on the second desktop. */
const SECOND_DESK = 0.2;

export function plan(seed: number, ops: number): Op[] {
  const random = new Random(seed);
  return Array.from({ length: ops }, () => nextOp(random));
}

function kill(random: Random): { kill?: KillPoint } {
  if (!random.chance(KILL_INSIDE)) return {};
  const at = random.weighted({ delay: 2, uapay: 2, crm: 1 });
  return { kill: at === 'delay' ? { at, ms: random.int(0, 400) } : { at } };
}

function part(random: Random, chance: number): { part?: number } {
  return random.chance(chance) ? { part: 0.05 + random.next() * 0.9 } : {};
}

function desk(random: Random): { desk?: DeskIndex } {
  return random.chance(SECOND_DESK) ? { desk: 1 } : {};
}

function nextOp(random: Random): Op {
  const op = random.weighted(WEIGHTS);
  const pick = random.next();
  switch (op) {
    case 'order':
      return { op, total: random.int(100, 2_000_000) };
    case 'add':
      return { op, pick, merchant: random.chance(0.6) ? 'manual' : 'auto', ...part(random, 0.15) };
    case 'refresh':
      return { op, full: random.chance(0.2) };
    case 'link':
      return { op, pick, ...kill(random) };
    case 'send':
      return { op, pick };
    case 'pay':
      return { op, pick, card: random.pick(['success', 'success', 'success', 'decline', '3ds-confirmed']) };
    case 'confirm':
      return { op, pick, ...part(random, 0.3), ...kill(random), ...desk(random) };
    case 'cancel':
      return { op, pick, ...kill(random), ...desk(random) };
    case 'refund':
      return { op, pick, ...part(random, 0.5), ...kill(random), ...desk(random) };
    case 'race':
      return {
        op,
        action: random.weighted({ confirm: 2, cancel: 1, refund: 2 }),
        pick,
        ...part(random, 0.4),
        ...(random.chance(0.3) && { crmLag: random.int(50, 500) }),
        ...kill(random),
        killDesk: random.chance(0.5) ? 1 : 0,
      };
    case 'supersede':
      return {
        op,
        pick,
        share: 0.3 + random.next() * 0.6,
        relinks: random.chance(0.3) ? 2 : 1,
        pays: random.next(),
        both: random.chance(0.3),
        card: random.chance(0.8) ? 'success' : '3ds-confirmed',
      };
    case 'redecline':
      return { op, pick, card: random.chance(0.8) ? 'success' : '3ds-confirmed' };
    case 'giveBack':
      return { op, pick };
    case 'bulk':
      return {
        op,
        action: random.chance(0.75) ? 'confirm' : 'cancel',
        select: random.int(1, 2 ** 31),
        resume: random.chance(0.7),
        ...kill(random),
      };
    case 'sync':
      return { op, all: random.chance(0.4) };
    case 'callback':
      return { op, pick };
    case 'uapayFault':
      return { op, method: random.pick(MONEY_METHODS), fault: uapayFault(random), times: random.int(1, 3) };
    case 'crmFault':
      return { op, route: random.pick(CRM_ROUTES), fault: crmFault(random), times: random.int(1, 4) };
    case 'crmLatency':
      return { op, ms: random.chance(0.5) ? 0 : random.int(10, 300) };
    case 'relay':
      return { op, up: random.chance(0.5) };
    case 'smtp':
      return { op, down: random.chance(0.5) };
    case 'kill':
      return { op, desk: random.chance(0.3) ? 1 : 0 };
    case 'clearFaults':
      return { op };
  }
}

function uapayFault(random: Random): UapayFaultOp {
  switch (random.weighted({ http: 3, timeout: 2, lostReply: 3, latency: 2 })) {
    case 'http':
      return { kind: 'http', status: random.pick([500, 502, 503, 504]) };
    case 'timeout':
      return { kind: 'timeout' };
    case 'lostReply':
      return { kind: 'lostReply', reply: random.pick(['bad-gateway', 'drop', 'hang'] as const) };
    case 'latency':
      // Half of them longer than the core's UAPAY timeout: the work is done after it gave up.
      return { kind: 'latency', ms: random.chance(0.5) ? random.int(10, 300) : random.int(800, 1_500) };
  }
}

function crmFault(random: Random): CrmFaultOp {
  const afterWork = random.chance(0.4);
  switch (random.weighted({ status: 4, hang: 1, drop: 2 })) {
    case 'status':
      return { kind: 'status', status: random.pick([500, 503, 503]), afterWork };
    case 'hang':
      return { kind: 'hang', afterWork };
    case 'drop':
      return { kind: 'drop', afterWork };
  }
}

/** One line per op, for the replay report. */
export function describeOp(op: Op, index: number): string {
  const { op: name, ...rest } = op;
  return `${String(index + 1).padStart(5)}  ${name} ${JSON.stringify(rest)}`;
}
