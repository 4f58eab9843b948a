/**
 * Callback delivery (reference §5): POST `{"token": JWT}` to the invoice's callbackUrl, signed with
 * the merchant key; success is HTTP 200 exactly; otherwise retried after 5 s, 5 min, 1 h, 2 h and
 * 24 h (documented), each delay multiplied by `timeFactor` so tests can compress the schedule.
 * The delays run on real timers: the sandbox clock only stamps `iat` and the log.
 */
import type { SandboxClock } from '../clock';
import type { Json } from './fields';
import { signToken } from './jwt';
import type { PaymentEvent } from './state';
import { unixSeconds } from './time';

/** Documented (§5): the five retries after the first attempt. */
export const CALLBACK_RETRY_DELAYS_MS = [5_000, 5 * 60_000, 60 * 60_000, 2 * 60 * 60_000, 24 * 60 * 60_000];
/** UNCERTAIN: how long UAPAY waits for the merchant's answer (real time, not compressed). */
const CALLBACK_ATTEMPT_TIMEOUT_MS = 10_000;
/** Only the newest deliveries are kept for inspection (Demo mode runs for hours). */
const LOG_LIMIT = 1000;

export interface CallbackAttempt {
  /** Sandbox time of the attempt. */
  at: number;
  httpStatus?: number;
  error?: string;
}

export interface CallbackDelivery {
  id: number;
  url: string;
  event: PaymentEvent;
  paymentId: string;
  invoiceId: string;
  /** The signed payload without `iat` (each attempt signs it with a fresh `iat`). */
  payload: Json;
  attempts: CallbackAttempt[];
  state: 'pending' | 'delivered' | 'failed' | 'stopped';
}

export interface CallbackDispatcherOptions {
  clock: SandboxClock;
  timeFactor: number;
}

export class CallbackDispatcher {
  private readonly log: CallbackDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private nextId = 1;
  private stopped = false;

  constructor(private readonly options: CallbackDispatcherOptions) {}

  send(url: string, secretKey: string, payload: Json, event: PaymentEvent): void {
    if (this.stopped) return;
    const delivery: CallbackDelivery = {
      id: this.nextId++,
      url,
      event,
      paymentId: String(payload.paymentId),
      invoiceId: String(payload.invoiceId),
      payload,
      attempts: [],
      state: 'pending',
    };
    this.log.push(delivery);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    this.start(delivery, secretKey);
  }

  deliveries(): readonly CallbackDelivery[] {
    return this.log;
  }

  /** Stops retries and aborts requests in flight; resolves when nothing runs any more. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.aborts) controller.abort();
    await Promise.allSettled([...this.running]);
    for (const delivery of this.log) if (delivery.state === 'pending') delivery.state = 'stopped';
  }

  private start(delivery: CallbackDelivery, secretKey: string): void {
    const run = this.attempt(delivery, secretKey).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private async attempt(delivery: CallbackDelivery, secretKey: string): Promise<void> {
    const record: CallbackAttempt = { at: this.options.clock.now() };
    delivery.attempts.push(record);
    const controller = new AbortController();
    this.aborts.add(controller);
    const timeout = setTimeout(() => controller.abort(), CALLBACK_ATTEMPT_TIMEOUT_MS);
    try {
      const token = await signToken({ ...delivery.payload, iat: unixSeconds(record.at) }, secretKey);
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
        signal: controller.signal,
      });
      record.httpStatus = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timeout);
      this.aborts.delete(controller);
    }
    if (this.stopped) return;
    // §5: delivery counts as successful on HTTP 200; no body is required.
    if (record.httpStatus === 200) {
      delivery.state = 'delivered';
      return;
    }
    const delay = CALLBACK_RETRY_DELAYS_MS[delivery.attempts.length - 1];
    if (delay === undefined) {
      delivery.state = 'failed';
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.start(delivery, secretKey);
    }, delay * this.options.timeFactor);
    this.timers.add(timer);
  }
}
