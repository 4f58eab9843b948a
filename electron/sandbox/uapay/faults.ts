/**
 * Injected faults, per method, optionally only for one invoice, payment or externalId, for a number
 * of calls. Several latency faults add up; of the other kinds the oldest matching one applies.
 */
import type { CallTarget, UapayMethod } from './methodNames';

export type Fault =
  /** Answer normally, this many (real) milliseconds late. */
  | { kind: 'latency'; ms: number }
  /** Answer with this 5xx status and a gateway's HTML page, without doing the work. */
  | { kind: 'http'; status: number }
  /** Never answer; the connection is dropped when the fake closes. The work is not done. */
  | { kind: 'timeout' }
  /**
   * Do the work, then lose the reply: answer 502 ('bad-gateway', default), drop the connection
   * ('drop'), or never answer until close ('hang').
   */
  | { kind: 'lostReply'; reply?: 'bad-gateway' | 'drop' | 'hang' }
  /** Refuse with UAPAY's error envelope, e.g. a capture refused with the bank's text. */
  | { kind: 'error'; code: string; message?: string; httpStatus?: number }
  /**
   * Do the work, then answer `status: 1` without proof: the result fields in plain `data` with no
   * token ('unsigned', §2.5's decoded variant), or a token signed with another key ('bad-signature').
   */
  | { kind: 'unprovenReply'; reply: 'unsigned' | 'bad-signature' };

export type FaultSpec = Fault & {
  /** A method, or '*' for all. */
  method: UapayMethod | '*';
  /** How many matching calls it affects (default 1). */
  times?: number | 'always';
  invoiceId?: string;
  paymentId?: string;
  externalId?: string;
};

export interface ActiveFault {
  id: number;
  spec: FaultSpec;
  /** Calls it will still affect (Infinity for 'always'). */
  remaining: number;
}

export interface TakenFaults {
  latencyMs: number;
  fault?: Exclude<Fault, { kind: 'latency' }>;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    validate(spec);
    const times = spec.times ?? 1;
    const fault = { id: this.nextId++, spec: { ...spec }, remaining: times === 'always' ? Infinity : times };
    this.faults.push(fault);
    return fault.id;
  }

  remove(id: number): void {
    this.faults = this.faults.filter((fault) => fault.id !== id);
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  /** The faults this call meets; each one taken is used up by one. */
  take(method: UapayMethod, target: CallTarget): TakenFaults {
    const taken: TakenFaults = { latencyMs: 0 };
    for (const active of this.faults) {
      if (!matches(active.spec, method, target)) continue;
      const { spec } = active;
      if (spec.kind === 'latency') {
        taken.latencyMs += spec.ms;
      } else if (taken.fault === undefined) {
        taken.fault = stripSpec(spec);
      } else {
        continue;
      }
      active.remaining -= 1;
    }
    this.faults = this.faults.filter((fault) => fault.remaining > 0);
    return taken;
  }
}

function matches(spec: FaultSpec, method: UapayMethod, target: CallTarget): boolean {
  return (
    (spec.method === '*' || spec.method === method) &&
    (spec.invoiceId === undefined || target.invoiceIds.includes(spec.invoiceId)) &&
    (spec.paymentId === undefined || target.paymentId === spec.paymentId) &&
    (spec.externalId === undefined || target.externalIds.includes(spec.externalId))
  );
}

function stripSpec(spec: FaultSpec): Exclude<Fault, { kind: 'latency' }> {
  switch (spec.kind) {
    case 'http':
      return { kind: 'http', status: spec.status };
    case 'timeout':
      return { kind: 'timeout' };
    case 'lostReply':
      return { kind: 'lostReply', reply: spec.reply ?? 'bad-gateway' };
    case 'error':
      return { kind: 'error', code: spec.code, message: spec.message, httpStatus: spec.httpStatus };
    case 'unprovenReply':
      return { kind: 'unprovenReply', reply: spec.reply };
    case 'latency':
      throw new Error('latency is not a reply fault');
  }
}

function validate(spec: FaultSpec): void {
  const { times } = spec;
  if (times !== undefined && times !== 'always' && !(Number.isInteger(times) && times >= 1)) {
    throw new RangeError('times must be a whole number ≥ 1 or "always".');
  }
  switch (spec.kind) {
    case 'latency':
      if (!(spec.ms >= 0)) throw new RangeError('latency needs ms ≥ 0.');
      return;
    case 'http':
      if (!(Number.isInteger(spec.status) && spec.status >= 500 && spec.status <= 599)) {
        throw new RangeError('An http fault needs a 5xx status.');
      }
      return;
    case 'error':
      if (typeof spec.code !== 'string' || spec.code === '')
        throw new RangeError('An error fault needs a code.');
      return;
    case 'lostReply':
      if (spec.reply !== undefined && !['bad-gateway', 'drop', 'hang'].includes(spec.reply)) {
        throw new RangeError('lostReply.reply must be bad-gateway, drop or hang.');
      }
      return;
    case 'timeout':
      return;
    case 'unprovenReply':
      if (!['unsigned', 'bad-signature'].includes(spec.reply))
        throw new RangeError('unprovenReply.reply must be unsigned or bad-signature.');
      return;
    default:
      throw new RangeError(`Unknown fault kind ${JSON.stringify((spec as { kind: unknown }).kind)}.`);
  }
}
