/** Counts calls per method and per invoice/payment, so tests can prove a request was sent exactly once. */
import type { CallTarget, UapayMethod } from './methodNames';

export interface CallRecord {
  seq: number;
  method: UapayMethod;
  /** Sandbox time when the request arrived. */
  at: number;
  target: CallTarget;
  /** How the fake answered: a success, a UAPAY error (with its code), or an injected fault. */
  outcome: 'pending' | 'ok' | 'error' | 'fault';
  errorCode?: string;
  /** Refused for its session (unknown or expired) before its method ran: resending it is harmless. */
  sessionRefused?: true;
}

export interface CallFilter {
  method?: UapayMethod;
  invoiceId?: string;
  paymentId?: string;
  externalId?: string;
  /** false: leave out calls refused for their session (CallRecord.sessionRefused). */
  sessionRefused?: boolean;
}

/** Demo mode may run for hours; the oldest records go beyond this. */
const LOG_LIMIT = 100_000;

export class CallCounter {
  private records: CallRecord[] = [];
  private seq = 0;

  record(method: UapayMethod, at: number, target: CallTarget): CallRecord {
    const record: CallRecord = { seq: ++this.seq, method, at, target, outcome: 'pending' };
    this.records.push(record);
    if (this.records.length > LOG_LIMIT) this.records.splice(0, this.records.length - LOG_LIMIT);
    return record;
  }

  log(filter: CallFilter = {}): CallRecord[] {
    return this.records.filter((record) => matches(record, filter));
  }

  count(filter: CallFilter = {}): number {
    return this.log(filter).length;
  }

  reset(): void {
    this.records = [];
  }
}

function matches(record: CallRecord, filter: CallFilter): boolean {
  const { target } = record;
  return (
    (filter.method === undefined || record.method === filter.method) &&
    (filter.invoiceId === undefined || target.invoiceIds.includes(filter.invoiceId)) &&
    (filter.paymentId === undefined || target.paymentId === filter.paymentId) &&
    (filter.externalId === undefined || target.externalIds.includes(filter.externalId)) &&
    (filter.sessionRefused === undefined || (record.sessionRefused ?? false) === filter.sessionRefused)
  );
}
