/** What a chaos run found and counted, and how it is printed. */
import { describeOp, type Op } from './plan';

export type ViolationKind =
  /** UAPAY's captured minus refunded differs from what RetailCRM records as paid. */
  | 'money'
  /** RetailCRM's status is not the mapping of UAPAY's state (electron/core/lifecycle.ts). */
  | 'status'
  /** Money on a UAPAY invoice the RetailCRM payment does not point at (nobody would see it). */
  | 'orphan-money'
  /** More UAPAY money calls for a payment than the journal has intents that sent one. */
  | 'double-call'
  /** An intent in the journal without a result after the final reconciliation. */
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
  /** Core process starts (the first one included). */
  starts: number;
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
    starts: 0,
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
  const faults = Object.entries(stats.faults)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return [
    `seed ${report.seed}: ${stats.ops} ops in ${(stats.wallMs / 1000).toFixed(1)} s, ${stats.payments} payments, ` +
      `${stats.moneyCalls} UAPAY money calls`,
    `  faults injected: ${faults}`,
    `  kills: ${stats.kills.inside} inside an operation, ${stats.kills.between} between; core starts ${stats.starts}`,
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
