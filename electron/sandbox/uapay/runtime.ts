/** Everything one running fake shares between its routes and its library API. */
import type { SandboxClock } from '../clock';
import type { CallbackDispatcher } from './callbacks';
import type { CallCounter } from './calls';
import type { FaultInjector } from './faults';
import type { RateLimiter } from './rateLimit';
import type { Store } from './state';

export interface FakeRuntime {
  clock: SandboxClock;
  store: Store;
  callbacks: CallbackDispatcher;
  calls: CallCounter;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  /** Resolves when close() begins: held requests then drop their connections. */
  closing: Promise<void>;
  /** The origin the fake listens on (paymentPageUrl is built from it); undefined before listen(). */
  origin?: string;
}

/** Placeholder origin for views asked for before listen(). */
const UNBOUND_ORIGIN = 'http://127.0.0.1';

export function originOf(runtime: FakeRuntime): string {
  return runtime.origin ?? UNBOUND_ORIGIN;
}
