/**
 * The callback relay (electron/relay) for the chaos run: SQLite in the run's folder, on loopback,
 * in the parent process. `down()` and `up()` take it away and bring it back on the same port, so
 * the pairing stays valid (the "relay down" fault).
 */
import type { Socket } from 'node:net';
import { readConfig } from '../../electron/relay/config';
import { pairNewChannel, type PairingResult } from '../../electron/relay/pairing';
import { buildRelay, type Relay } from '../../electron/relay/server';
import { openStore } from '../../electron/relay/store/open';
import type { RelayStore } from '../../electron/relay/store/types';
import { postCallback } from '../relay/support/callbacks';

export class ChaosRelay {
  base = '';
  private relay: Relay | undefined;
  private store: RelayStore | undefined;
  private port = 0;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly dataDir: string) {}

  get running(): boolean {
    return this.relay !== undefined;
  }

  async up(): Promise<void> {
    if (this.relay) return;
    const config = readConfig({
      RELAY_DATA_DIR: this.dataDir,
      RELAY_HEARTBEAT_SECONDS: '1',
      // Every callback of the run comes from one address: the default limit is for the open internet.
      RELAY_RATE_LIMIT_PER_MIN: '10000000',
      RELAY_CHANNEL_LIMIT_PER_MIN: '10000000',
      RELAY_LOG_LEVEL: 'silent',
    });
    const store = await openStore(config, { watch: true });
    const relay = buildRelay({ store, config });
    relay.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await relay.listen({ host: '127.0.0.1', port: this.port });
    const address = relay.server.address();
    if (!address || typeof address === 'string') throw new Error('the relay has no address');
    this.port = address.port;
    this.base = `http://127.0.0.1:${this.port}`;
    this.store = store;
    this.relay = relay;
  }

  /** Goes away as a crashed relay would: open streams are cut, not ended politely. */
  async down(): Promise<void> {
    const { relay, store } = this;
    if (!relay || !store) return;
    this.relay = undefined;
    this.store = undefined;
    for (const socket of this.sockets) socket.destroy();
    await relay.close();
    await store.close();
  }

  async pair(): Promise<PairingResult> {
    if (!this.store) throw new Error('the relay is down');
    return pairNewChannel(this.store, this.base, 'chaos desk', Date.now());
  }

  /** Posts a body as UAPAY would; resolves to the status, or 0 when the relay is away. */
  post(url: string, body: string): Promise<number> {
    return postCallback(url, body).catch(() => 0);
  }
}
