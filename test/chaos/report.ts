/** What a chaos run found and counted, and how it is printed. */
import { describeOp, type Op } from './plan';

export type ViolationKind =
  /** UAPAY's captured minus refunded differs from what RetailCRM records as paid. */
  | 'money'
  /** RetailCRM's status is not the mapping of UAPAY's state (electron/core/lifecycle.ts). */
  | 'status'
  /**
   * Money on a UAPAY invoice the app does not watch: not its RetailCRM payment's invoice, and not
   * shown in the payment's row as extra money for a person to give back.
   */
  | 'orphan-money'
  /** A UAPAY money call no journal sent, or an operation whose call reached UAPAY twice. */
  | 'double-call'
  /** An operation recorded as failed or not done, whose call UAPAY carried out. */
  | 'not-done-but-done'
  /** An operation recorded as done, whose call UAPAY did not carry out. */
  | 'done-but-not-done'
  /** Two desktops racing one money operation made more than one UAPAY call, or both succeeded. */
  | 'race'
  /** "Generate link" handed out a link for another amount than the payment's, or did not reuse one it should have. */
  | 'link'
  /** An intent in a journal without a result after the final reconciliation and the manager's answers. */
  | 'journal'
  /** The core answered a call with an internal error (a bug, not a provider's refusal). */
  | 'internal'
  | 'stuck'
  | 'crashed';

export interface Violation {
  kind: ViolationKind;
  /** The RetailCRM payment it is about. */
  paymentId?: number;
  detail: string;
  /** 1-based op during which it was seen (run-time violations only). */
  op?: number;
}

export interface Stats {
  ops: number;
  byOp: Record<string, number>;
  /** Wall time spent in each kind of op (core starts included where they happened). */
  msByOp: Record<string, number>;
  /** `<channel or action>:<ok | error kind/code>` → count. */
  outcomes: Record<string, number>;
  faults: { uapay: number; crm: number; crmLatency: number; relayDown: number; smtpDown: number };
  kills: { between: number; inside: number };
  /** Core process starts (the first one included), per desktop. */
  starts: [number, number];
  /**
   * Two desktops racing one money operation: races run; those that reached UAPAY (one call); and
   * how the losers were refused (`busy` with the other desktop named, or another answer).
   */
  races: { run: number; called: number; busyElsewhere: number; otherLoser: number };
  /**
   * Superseded links: payments whose amount changed after a link and got a new one; of those,
   * the old link paid, and both links paid.
   */
  superseded: { relinked: number; oldPaid: number; bothPaid: number };
  /** A declined card, then the link made again: the same invoice back, or a new one. */
  redecline: { reused: number; renewed: number };
  /** Operations a manager resolved in the final settle, after checking UAPAY. */
  resolved: { happened: number; notHappened: number };
  /** Ops with nothing to act on when they came. */
  skipped: number;
  /** UAPAY money calls the sandbox received (complete, cancel, reverse). */
  moneyCalls: number;
  payments: number;
  wallMs: number;
}

export function emptyStats(): Stats {
  return {
    ops: 0,
    byOp: {},
    msByOp: {},
    outcomes: {},
    faults: { uapay: 0, crm: 0, crmLatency: 0, relayDown: 0, smtpDown: 0 },
    kills: { between: 0, inside: 0 },
    starts: [0, 0],
    races: { run: 0, called: 0, busyElsewhere: 0, otherLoser: 0 },
    superseded: { relinked: 0, oldPaid: 0, bothPaid: 0 },
    redecline: { reused: 0, renewed: 0 },
    resolved: { happened: 0, notHappened: 0 },
    skipped: 0,
    moneyCalls: 0,
    payments: 0,
    wallMs: 0,
  };
}

export interface RunReport {
  seed: number;
  stats: Stats;
  violations: Violation[];
}

export function summary(report: RunReport): string {
  const { stats } = report;
  const { races, superseded, redecline, resolved } = stats;
  const faults = Object.entries(stats.faults)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return [
    `seed ${report.seed}: ${stats.ops} ops in ${(stats.wallMs / 1000).toFixed(1)} s, ${stats.payments} payments, ` +
      `${stats.moneyCalls} UAPAY money calls`,
    `  faults injected: ${faults}`,
    `  kills: ${stats.kills.inside} inside an operation, ${stats.kills.between} between; ` +
      `core starts ${stats.starts[0]} + ${stats.starts[1]} (second desktop)`,
    `  races: ${races.run} (${races.called} reached UAPAY; losers: ${races.busyElsewhere} busy elsewhere, ` +
      `${races.otherLoser} other answers)`,
    `  superseded links: ${superseded.relinked} payments re-linked, old link paid ${superseded.oldPaid}, ` +
      `both paid ${superseded.bothPaid}; declined then linked again: ${redecline.reused} reused, ` +
      `${redecline.renewed} new`,
    `  needs attention, resolved by the manager: ${resolved.happened} happened, ${resolved.notHappened} did not`,
    `  violations: ${report.violations.length}`,
  ].join('\n');
}

export function violationLines(violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `  [${v.kind}]${v.paymentId ? ` payment ${v.paymentId}` : ''}${v.op ? ` (op ${v.op})` : ''}: ${v.detail}`,
    )
    .join('\n');
}

/** The failing prefix, for replaying: every op when short, else the last ones. */
export function prefixLines(ops: readonly Op[], tail = 80): string {
  const from = Math.max(0, ops.length - tail);
  const lines = ops.slice(from).map((op, i) => describeOp(op, from + i));
  return [...(from > 0 ? [`  … ${from} earlier ops (see --ops to replay them all)`] : []), ...lines].join(
    '\n',
  );
}
