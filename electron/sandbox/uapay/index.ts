/**
 * A faithful local fake of UAPAY's invoicer API (reference: shared/reference/uapay-api.md) for
 * tests, benchmarks and Demo mode: the signed envelope, sessions, PAY/HOLD invoices, payments and
 * their money operations, a hosted payment page, signed callbacks with retries, and controls
 * (faults, call counts, rate limit, the shared clock) as a library and under /__sandbox/.
 */
import { SandboxClock } from '../clock';
import { CallbackDispatcher } from './callbacks';
import { CallCounter } from './calls';
import { createControlApi, type UapayFakeControl } from './controlApi';
import { FaultInjector } from './faults';
import { DEFAULT_HOLD_LIFETIME_MS, expireHolds } from './payments';
import { RateLimiter } from './rateLimit';
import type { FakeRuntime } from './runtime';
import { buildServer } from './server';
import { DEFAULT_SESSION_LIFETIME_MS } from './sessions';
import { checkReadings, DEFAULT_READINGS, type UapayReadings } from './readings';
import { Store } from './state';
import { createStateApi, type UapayFakeState } from './stateApi';
import { callbackPayload } from './views';

export { SandboxClock } from '../clock';
export { CALLBACK_RETRY_DELAYS_MS } from './callbacks';
export type { CallRecord } from './calls';
export { TEST_CARDS, THREE_D_SECURE_CODE } from './cards';
export type { UapayFakeControl } from './controlApi';
export { ERROR_HTTP_STATUS, RATE_LIMIT_HTTP_STATUS, UapayApiError } from './errors';
export type { Fault } from './faults';
export type { InvoiceInput } from './invoices';
export { SHOW_LIST_LIMIT } from './methods';
export type { UapayMethod } from './methodNames';
export { DEFAULT_HOLD_LIFETIME_MS, NotPayableError } from './payments';
export type { RateLimit } from './rateLimit';
export {
  checkReadings,
  DEFAULT_READINGS,
  parseReadings,
  READING_PROFILE_NAMES,
  READING_PROFILES,
  READING_VALUES,
  SHORT_SESSION_LIFETIME_MS,
  type ReadingName,
  type UapayReadings,
} from './readings';
export { DEFAULT_SESSION_LIFETIME_MS } from './sessions';
export type { PayCard, UapayFakeState } from './stateApi';
export { statusOf, type PaymentPhase, type StatusPair } from './statuses';
export { formatPayExpiresAt, PAY_EXPIRES_AT_TIME_ZONE } from './time';
export type { InvoiceView } from './views';

export interface UapayFakeOptions {
  /** Share one clock across the sandbox (default: a new one). */
  clock?: SandboxClock;
  /** Multiplies the callback retry delays (5 s … 24 h); e.g. 0.001 in tests. Default 1. */
  callbackTimeFactor?: number;
  /** Sandbox time a hold lasts before it is released (default DEFAULT_HOLD_LIFETIME_MS, 7 days). */
  holdLifetimeMs?: number;
  /** Sandbox time a session lasts (default DEFAULT_SESSION_LIFETIME_MS, 24 h). */
  sessionLifetimeMs?: number;
  /**
   * How the fake reads each point the reference leaves UNCERTAIN (readings.ts); unnamed switches
   * keep their default (the fake's historic guess). Also settable at run time: control.setReadings.
   */
  readings?: Partial<UapayReadings>;
  /** Fastify's logger (default off). */
  logger?: boolean;
}

export interface UapayFake {
  readonly state: UapayFakeState;
  readonly control: UapayFakeControl;
  /** Starts listening (default port 0 = any free port, host 127.0.0.1); resolves to the origin. */
  listen(port?: number, host?: string): Promise<string>;
  /** Drops held requests, stops callback retries, closes the server. Safe to call twice. */
  close(): Promise<void>;
}

/** Real-time period for releasing expired holds when nobody calls (their callbacks must still go out). */
const HOLD_SWEEP_INTERVAL_MS = 250;

export function createUapayFake(options: UapayFakeOptions = {}): UapayFake {
  const clock = options.clock ?? new SandboxClock();
  const store = new Store(
    clock,
    {
      holdLifetimeMs: options.holdLifetimeMs ?? DEFAULT_HOLD_LIFETIME_MS,
      sessionLifetimeMs: options.sessionLifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS,
    },
    { ...DEFAULT_READINGS, ...checkReadings(options.readings ?? {}) },
  );
  const callbacks = new CallbackDispatcher({ clock, timeFactor: options.callbackTimeFactor ?? 1 });
  let beginClosing = () => {};
  const runtime: FakeRuntime = {
    clock,
    store,
    callbacks,
    calls: new CallCounter(),
    faults: new FaultInjector(),
    rateLimiter: new RateLimiter(),
    closing: new Promise<void>((resolve) => (beginClosing = resolve)),
  };

  // §5: after each payment state change, a signed callback to the invoice's callbackUrl.
  store.onPaymentChange(({ payment, invoice, event, notify }) => {
    const merchant = store.merchants.get(invoice.clientId);
    if (!notify || !invoice.callbackUrl || !merchant) return;
    callbacks.send(invoice.callbackUrl, merchant.secretKey, callbackPayload(store, payment, invoice), event);
  });

  const state = createStateApi(runtime);
  const control = createControlApi(runtime);
  const app = buildServer({ runtime, state, control, logger: options.logger ?? false });
  const sweep = setInterval(() => expireHolds(store), HOLD_SWEEP_INTERVAL_MS).unref();
  let closed: Promise<void> | undefined;

  return {
    state,
    control,
    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      runtime.origin = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
      return runtime.origin;
    },
    close() {
      closed ??= (async () => {
        beginClosing();
        clearInterval(sweep);
        await callbacks.stop();
        await app.close();
      })();
      return closed;
    },
  };
}
