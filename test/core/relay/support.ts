/**
 * The callbacks world: a real relay (electron/relay, SQLite in a temp folder, on loopback), the
 * UAPAY fake posting its callbacks to the relay, and desktops — a RelayService each, with its own
 * settings folder — whose hints are recorded.
 */
import fs from 'node:fs/promises';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, vi } from 'vitest';
import { memoryKeychain } from '../../../electron/core/demo/memoryKeychain';
import type { HintHandler } from '../../../electron/core/relay/hints';
import { RelayService, type RelayServiceOptions } from '../../../electron/core/relay/service';
import { EventBus } from '../../../electron/core/events';
import type { SecretStore } from '../../../electron/core/secrets/keychain';
import { RedactionRegistry } from '../../../electron/core/secrets/redaction';
import { Secrets } from '../../../electron/core/secrets/secrets';
import { SettingsService } from '../../../electron/core/settings/service';
import { SettingsStore } from '../../../electron/core/settings/store';
import { readConfig } from '../../../electron/relay/config';
import { addDesktop, pairNewChannel, type PairingResult } from '../../../electron/relay/pairing';
import { buildRelay, type Relay } from '../../../electron/relay/server';
import { openStore } from '../../../electron/relay/store/open';
import type { RelayStore } from '../../../electron/relay/store/types';
import { createUapayFake, type UapayFake } from '../../../electron/sandbox/uapay';
import type { RelayStatus } from '../../../electron/shared/channels/relay';
import { readingsFromEnv } from '../../support/readings';
import { postCallback } from '../../relay/support/callbacks';

export const MERCHANT = { clientId: '7001', secretKey: 'uapay-callback-key-one-1', name: 'Квіти' };
export const OTHER_MERCHANT = { clientId: '7002', secretKey: 'uapay-callback-key-two-2', name: 'Books' };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A relay server in this process over SQLite in its own folder. `restart()` closes it and starts
 * a new server on the same folder and port (the pairing URLs stay valid), as after a crash.
 */
export class TestRelay {
  base = '';
  relay!: Relay;
  store!: RelayStore;
  private port = 0;
  private readonly sockets = new Set<Socket>();
  private running = false;

  private constructor(private readonly dir: string) {}

  static async start(): Promise<TestRelay> {
    const relay = new TestRelay(await tempDir('desk-relay-'));
    await relay.up();
    cleanups.push(() => relay.down());
    return relay;
  }

  async up(): Promise<void> {
    const config = readConfig({ RELAY_DATA_DIR: this.dir, RELAY_HEARTBEAT_SECONDS: '1' });
    this.store = await openStore(config, { watch: true });
    this.relay = buildRelay({ store: this.store, config });
    this.relay.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await this.relay.listen({ host: '127.0.0.1', port: this.port });
    const address = this.relay.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.port = address.port;
    this.base = `http://127.0.0.1:${this.port}`;
    this.running = true;
  }

  async down(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.relay.close();
    await this.store.close();
  }

  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  pair(): Promise<PairingResult> {
    return pairNewChannel(this.store, this.base, 'desk test', Date.now());
  }

  async addDesktop(channelId: string): Promise<PairingResult> {
    const result = await addDesktop(this.store, this.base, channelId, 'second desk', Date.now());
    if (!result) throw new Error(`no channel ${channelId}`);
    return result;
  }

  /** Cuts every connection from the server's side, as a network failure would. */
  dropConnections(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    return count;
  }

  /** As UAPAY posts a callback. */
  post(url: string, body: string): Promise<number> {
    return postCallback(url, body);
  }

  /** Bodies the relay stored for the channel, oldest first. */
  async stored(channelId: string): Promise<string[]> {
    return (await this.store.eventsAfter(channelId, 0, 10_000)).map((event) => event.body);
  }
}

/** The UAPAY fake with two merchants; callback retries 1000× faster than UAPAY's schedule. */
export async function startUapay(): Promise<UapayFake> {
  const fake = createUapayFake({ callbackTimeFactor: 0.001, readings: readingsFromEnv() });
  fake.state.addMerchant(MERCHANT);
  fake.state.addMerchant(OTHER_MERCHANT);
  await fake.listen();
  cleanups.push(() => fake.close());
  return fake;
}

/** A PAY invoice whose callbacks go to `callbackUrl`, paid with the approving test card. */
export function payInvoice(fake: UapayFake, callbackUrl: string, clientId = MERCHANT.clientId): string {
  const invoice = fake.state.createInvoice(clientId, {
    type: 'PAY',
    amount: 125_050,
    externalId: `order-${Math.random().toString(36).slice(2)}`,
    description: 'Order',
    callbackUrl,
  });
  fake.state.pay(invoice.id, { card: 'success' });
  return invoice.id;
}

/** Fast timing: backoff from 20 ms to 200 ms, the relay's 1 s heartbeat, 20 ms hint windows. */
export const FAST = {
  backoff: { baseMs: 20, capMs: 200 },
  heartbeatMs: 1_000,
  hintWindowMs: 20,
  requestTimeoutMs: 2_000,
  pairingTimeoutMs: 2_000,
} satisfies RelayServiceOptions['timing'];

export interface TestDesktop {
  dir: string;
  service: RelayService;
  settings: SettingsService;
  secretStore: SecretStore;
  /** Each onHint call's invoice ids. */
  hintCalls: string[][];
  /** Every invoice id handed to onHint, in order. */
  hinted(): string[];
  statuses: RelayStatus[];
  /** The merchant ids (ours) of the merchants added, by UAPAY client id. */
  merchantIds: Map<string, string>;
  /** Waits until the newest status satisfies `check`. */
  waitForStatus(check: (status: RelayStatus) => boolean, timeoutMs?: number): Promise<RelayStatus>;
}

/**
 * A desktop with the given UAPAY merchants (and their keys) in its settings. Reopening on `dir`
 * with the same `secretStore` is the same desktop after an app restart.
 */
export async function openDesktop(
  options: {
    merchants?: (typeof MERCHANT)[];
    dir?: string;
    secretStore?: SecretStore;
    onHint?: HintHandler;
    timing?: RelayServiceOptions['timing'];
  } = {},
): Promise<TestDesktop> {
  const dir = options.dir ?? (await tempDir('desk-callbacks-'));
  const secretStore = options.secretStore ?? memoryKeychain();
  const secrets = new Secrets(secretStore, new RedactionRegistry());
  const settings = new SettingsService(new SettingsStore({ dir }), secrets);
  const merchantIds = new Map<string, string>();
  const existing = (await settings.get()).merchants;
  for (const merchant of existing) merchantIds.set(merchant.clientId, merchant.id);
  for (const merchant of options.merchants ?? (existing.length ? [] : [MERCHANT])) {
    const added = await settings.addMerchant(
      { name: merchant.name, clientId: merchant.clientId, environment: 'test', confirmManually: false },
      merchant.secretKey,
    );
    merchantIds.set(merchant.clientId, added.id);
  }
  const events = new EventBus();
  const statuses: RelayStatus[] = [];
  events.subscribe((event, payload) => {
    if (event === 'relay.status') statuses.push(payload as RelayStatus);
  });
  const hintCalls: string[][] = [];
  const service = new RelayService({
    settings,
    secrets,
    events,
    userDataDir: dir,
    timing: options.timing ?? FAST,
    onHint: async (invoiceIds, hints) => {
      hintCalls.push(invoiceIds);
      await options.onHint?.(invoiceIds, hints);
    },
  });
  cleanups.push(() => service.close());
  await service.start();
  return {
    dir,
    service,
    settings,
    secretStore,
    hintCalls,
    hinted: () => hintCalls.flat(),
    statuses,
    merchantIds,
    waitForStatus: (check, timeoutMs = 3_000) =>
      vi.waitFor(
        () => {
          const status = service.status();
          if (!check(status)) throw new Error(`relay status is ${JSON.stringify(status)}`);
          return status;
        },
        { timeout: timeoutMs, interval: 5 },
      ),
  };
}

export function waitUntil<T>(check: () => T, timeoutMs = 3_000): Promise<T> {
  return vi.waitFor(
    () => {
      const value = check();
      if (!value) throw new Error('not yet');
      return value;
    },
    { timeout: timeoutMs, interval: 5 },
  );
}
