import type { RelayConfig } from '../../../electron/relay/config';
import { addDesktop, pairNewChannel, type PairingResult } from '../../../electron/relay/pairing';
import { buildRelay, type Relay } from '../../../electron/relay/server';
import type { RelayStore } from '../../../electron/relay/store/types';
import type { FreshStore } from './stores';

/** A relay on 127.0.0.1 with a random port, in this process, over a fresh store. */
export interface RunningRelay {
  base: string;
  relay: Relay;
  store: RelayStore;
  config: RelayConfig;
  pair(label?: string): Promise<PairingResult>;
  addDesktop(channelId: string, label?: string): Promise<PairingResult>;
  /** `contentType: null` sends no Content-Type (with a Buffer body, fetch adds none either). */
  post(
    url: string,
    body: string | Buffer,
    contentType?: string | null,
  ): Promise<{ status: number; text: string }>;
  catchUp(
    eventsUrl: string,
    token: string,
    query?: string,
  ): Promise<{
    status: number;
    json: { events: Array<{ id: number; receivedAt: string; body: string }>; next: number | null };
  }>;
  /** Follows `next` until the end: every event of the channel after `after`. */
  catchUpAll(
    eventsUrl: string,
    token: string,
    after?: number,
  ): Promise<Array<{ id: number; receivedAt: string; body: string }>>;
  close(): Promise<void>;
}

export async function startRelay(
  fresh: FreshStore,
  options: {
    env?: Record<string, string>;
    now?: () => number;
    logger?: { stream: { write(line: string): void } };
    store?: RelayStore;
  } = {},
): Promise<RunningRelay> {
  const config = fresh.config(options.env);
  const store = options.store ?? (await fresh.open());
  const relay = buildRelay({ store, config, now: options.now, logger: options.logger });
  await relay.listen({ host: '127.0.0.1', port: 0 });
  const address = relay.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  const now = options.now ?? Date.now;
  return {
    base,
    relay,
    store,
    config,
    pair: (label = 'test desktop') => pairNewChannel(store, base, label, now()),
    async addDesktop(channelId, label = 'second desktop') {
      const result = await addDesktop(store, base, channelId, label, now());
      if (!result) throw new Error(`no channel ${channelId}`);
      return result;
    },
    async post(url, body, contentType = 'application/json') {
      const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType };
      const payload = typeof body === 'string' ? body : new Uint8Array(body);
      const response = await fetch(url, { method: 'POST', headers, body: payload });
      return { status: response.status, text: await response.text() };
    },
    async catchUp(eventsUrl, token, query = '') {
      const response = await fetch(`${eventsUrl}${query}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, json: (await response.json()) as never };
    },
    async catchUpAll(eventsUrl, token, after = 0) {
      return catchUpAll(eventsUrl, token, after);
    },
    async close() {
      await relay.close();
    },
  };
}

export async function catchUpAll(
  eventsUrl: string,
  token: string,
  after = 0,
): Promise<Array<{ id: number; receivedAt: string; body: string }>> {
  const events: Array<{ id: number; receivedAt: string; body: string }> = [];
  let cursor: number | null = after;
  while (cursor !== null) {
    const response = await fetch(`${eventsUrl}?after=${cursor}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) throw new Error(`catch-up answered ${response.status}`);
    const page = (await response.json()) as { events: typeof events; next: number | null };
    events.push(...page.events);
    cursor = page.next;
  }
  return events;
}
