/**
 * A faithful fake of RetailCRM API v5 for a payment back office (reference: shared/reference/retailcrm-api.md).
 * `state` is the library API for data, `control` for behaviour; both are also served as an admin HTTP API
 * under /__sandbox/ next to the RetailCRM API under /api/.
 */
import type { AddressInfo } from 'node:net';
import { SandboxClock } from '../clock';
import { Control } from './control';
import { buildServer } from './server';
import { RetailCrmState } from './state';
import { AccountTime, DEFAULT_TIME_ZONE } from './time';

export interface RetailCrmFakeOptions {
  /** Shared by the whole sandbox; a fresh one by default. */
  clock?: SandboxClock;
  /** Default per-key limit (reference §1.7: 10); 0 turns it off. Keys may override it. */
  rateLimitPerSecond?: number;
  /** Added to every API request. */
  latencyMs?: number;
  /** Fastify's logger; off by default. */
  logger?: boolean;
  /** The account's time zone for printed dates (default Europe/Kyiv). */
  timeZone?: string;
}

export interface RetailCrmFake {
  readonly state: RetailCrmState;
  readonly control: Control;
  readonly clock: SandboxClock;
  /** Resolves to the origin, e.g. http://127.0.0.1:4010 (APIs under /api/... as on the real host). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function createRetailCrmFake(options: RetailCrmFakeOptions = {}): RetailCrmFake {
  const clock = options.clock ?? new SandboxClock();
  const state = new RetailCrmState(new AccountTime(clock, options.timeZone ?? DEFAULT_TIME_ZONE));
  const control = new Control(() => clock.now(), state.apiKeys, options);
  const server = buildServer(state, control, options.logger ?? false);
  return {
    state,
    control,
    clock,
    async listen(port = 0, host = '127.0.0.1') {
      await server.listen({ port, host });
      const address = server.server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${shownHost}:${address.port}`;
    },
    close: () => server.close(),
  };
}

export { RetailCrmState } from './state';
export { Control } from './control';
export type { PaymentStatusInput } from './references';
export { ALL_SCOPES, credentialsFor } from './routes';
