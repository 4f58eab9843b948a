/**
 * The relay faces the internet: hostile clients get nothing in and starve no one. The per-route
 * refusals (each bad callback body, each bad token) are in test/relay/callback.test.ts and
 * events.test.ts; here they come mixed with raw malformed HTTP while a paired desktop streams, slow
 * clients dribble bytes, and the token store and comparison are checked directly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type * as NodeCrypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256, secretEquals, tokenMatches } from '../../electron/relay/credentials';
import type { PairingResult } from '../../electron/relay/pairing';
import { buildRelay, SLOW_CLIENT_TIMEOUTS, type SlowClientTimeouts } from '../../electron/relay/server';
import { uapayCallback } from '../relay/support/callbacks';
import { startRelay, type RunningRelay } from '../relay/support/relay';
import { SseClient } from '../relay/support/sse';
import { freshStore, storeKinds, type FreshStore } from '../relay/support/stores';

const crypto = vi.hoisted(() => ({ timingSafeEqual: undefined as unknown as ReturnType<typeof vi.fn> }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  crypto.timingSafeEqual = vi.fn(actual.timingSafeEqual);
  return {
    ...actual,
    default: { ...actual, timingSafeEqual: crypto.timingSafeEqual },
    timingSafeEqual: crypto.timingSafeEqual,
  };
});

/** Sends raw bytes and answers what came back before the server closed (or `waitMs` passed). */
function raw(base: string, bytes: string | Buffer, waitMs = 2_000): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', reject);
    socket.end(bytes);
  });
}

for (const kind of storeKinds()) {
  describe(`relay under hostile clients (${kind})`, () => {
    let fresh: FreshStore;
    let relay: RunningRelay;
    let pairing: PairingResult;
    const streams: SseClient[] = [];
    beforeEach(async () => {
      fresh = await freshStore(kind);
      relay = await startRelay(fresh, {
        env: { RELAY_HEARTBEAT_SECONDS: '1', RELAY_BODY_LIMIT_BYTES: '2048' },
      });
      pairing = await relay.pair();
    });
    afterEach(async () => {
      streams.splice(0).forEach((stream) => stream.drop());
      await relay.close();
      await fresh.dispose();
    });
    const open = async (token: string, lastEventId?: string) => {
      const stream = await SseClient.open(pairing.eventsUrl, token, { lastEventId });
      streams.push(stream);
      return stream;
    };

    it('refuses unauthenticated, wrong, revoked and other-channel tokens and malformed HTTP, storing nothing, while the desktop streams', async () => {
      const desktop = await open(pairing.token);
      expect(desktop.status).toBe(200);
      const other = await relay.pair('another shop');
      const revoked = await relay.addDesktop(pairing.channelId, 'stolen laptop');
      expect(await relay.store.revokeToken(revoked.tokenId, Date.now())).toBe(true);
      const tokens = async () =>
        JSON.stringify((await relay.store.listChannels()).map((c) => [c.channelId, c.tokens]));
      const tokensBefore = await tokens();
      const eventsPath = new URL(pairing.eventsUrl).pathname;
      const callbackPath = new URL(pairing.callbackUrl).pathname;
      const legit = [uapayCallback({ externalId: 'legit-1' }), uapayCallback({ externalId: 'legit-2' })];

      const attempts: Array<Promise<[string, number | string]>> = [
        ...[
          ['none', undefined],
          ['not a token', 'Bearer nope'],
          ['revoked', `Bearer ${revoked.token}`],
          ['other channel', `Bearer ${other.token}`],
          [
            'token id of ours, secret of another',
            `Bearer ${pairing.token.split('.')[0]}.${other.token.split('.')[1]}`,
          ],
          ['two tokens', `Bearer ${pairing.token} ${pairing.token}`],
        ].flatMap(([what, authorization]) =>
          ['text/event-stream', 'application/json'].map(async (accept): Promise<[string, number]> => {
            const headers: Record<string, string> = { accept };
            if (authorization) headers.authorization = authorization;
            const response = await fetch(pairing.eventsUrl, { headers });
            await response.body?.cancel();
            return [`${what} (${accept})`, response.status];
          }),
        ),
        // A desktop token does not open another channel's stream, nor post as UAPAY elsewhere.
        fetch(other.eventsUrl, { headers: { authorization: `Bearer ${pairing.token}` } }).then((r) => [
          'our token on the other channel',
          r.status,
        ]),
        relay.post(pairing.callbackUrl, '{"token":"a.b.c"}').then((r) => ['forged callback', r.status]),
        relay
          .post(pairing.callbackUrl, uapayCallback({ pad: 'x'.repeat(4096) }))
          .then((r) => ['oversized', r.status]),
        // Raw HTTP no client library would send.
        raw(relay.base, 'GARBAGE\r\n\r\n').then((a) => ['bad request line', a.slice(0, 12)]),
        raw(relay.base, `GET ${eventsPath} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`).then(
          (a) => ['oversized headers', a.slice(0, 12)],
        ),
        raw(
          relay.base,
          `POST ${callbackPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
        ).then((a) => ['content-length with chunked', a.slice(0, 12)]),
        raw(
          relay.base,
          `POST ${callbackPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}`,
        ).then((a) => ['negative length', a.slice(0, 12)]),
        raw(
          relay.base,
          `POST ${callbackPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
        ).then((a) => ['bad chunk size', a.slice(0, 12)]),
        raw(relay.base, `GET ${eventsPath}/../../admin/channels HTTP/1.1\r\nHost: x\r\n\r\n`).then((a) => [
          'path traversal',
          a.slice(0, 12),
        ]),
        ...legit.map(async (body): Promise<[string, number]> => [
          'legit',
          (await relay.post(pairing.callbackUrl, body)).status,
        ]),
      ];
      const results = Object.fromEntries(await Promise.all(attempts));
      expect(results).toEqual({
        'none (text/event-stream)': 401,
        'none (application/json)': 401,
        'not a token (text/event-stream)': 401,
        'not a token (application/json)': 401,
        'revoked (text/event-stream)': 401,
        'revoked (application/json)': 401,
        'other channel (text/event-stream)': 401,
        'other channel (application/json)': 401,
        'token id of ours, secret of another (text/event-stream)': 401,
        'token id of ours, secret of another (application/json)': 401,
        'two tokens (text/event-stream)': 401,
        'two tokens (application/json)': 401,
        'our token on the other channel': 401,
        'forged callback': 400,
        oversized: 413,
        'bad request line': 'HTTP/1.1 400',
        'oversized headers': 'HTTP/1.1 431',
        'content-length with chunked': 'HTTP/1.1 400',
        'negative length': 'HTTP/1.1 400',
        'bad chunk size': 'HTTP/1.1 400',
        'path traversal': 'HTTP/1.1 404',
        legit: 200,
      });

      await desktop.waitForMessages(2);
      expect(
        desktop
          .messages()
          .map((m) => m.body)
          .sort(),
      ).toEqual([...legit].sort());
      expect((await fresh.storedBodies()).sort()).toEqual([...legit].sort());
      expect(await tokens()).toBe(tokensBefore);
    });

    it('stores a replayed delivery once and answers a replayed Last-Event-ID with the same events', async () => {
      const bodies = [uapayCallback({ externalId: 'r-1' }), uapayCallback({ externalId: 'r-2' })];
      for (const body of [...bodies, bodies[0]!, bodies[1]!, bodies[0]!]) {
        expect((await relay.post(pairing.callbackUrl, body)).status).toBe(200);
      }
      expect(await fresh.storedBodies()).toEqual(bodies);
      const [first] = await relay.catchUpAll(pairing.eventsUrl, pairing.token);
      const again = [
        await open(pairing.token, String(first!.id)),
        await open(pairing.token, String(first!.id)),
      ];
      for (const stream of again) await stream.waitForMessages(1);
      expect(again.map((s) => s.messages().map((m) => m.body))).toEqual([[bodies[1]], [bodies[1]]]);
      expect(await fresh.storedBodies()).toEqual(bodies);
    });

    it('keeps no desktop token in plain text: only its SHA-256, found by token id', async () => {
      const second = await relay.addDesktop(pairing.channelId);
      for (const issued of [pairing, second]) {
        const record = await relay.store.findToken(issued.tokenId);
        expect(record?.hash.equals(sha256(issued.token))).toBe(true);
        expect(record?.hash.toString('latin1')).not.toContain(issued.token.split('.')[1]);
        // tokenId.secret: the stored record never holds the secret part, in any field.
        expect(JSON.stringify(record)).not.toContain(issued.token.split('.')[1]);
      }
      if (kind === 'sqlite') {
        const dir = fresh.env.RELAY_DATA_DIR!;
        for (const name of readdirSync(dir)) {
          const bytes = readFileSync(path.join(dir, name)).toString('latin1');
          for (const issued of [pairing, second])
            expect(bytes, name).not.toContain(issued.token.split('.')[1]);
        }
      }
    });
  });
}

describe('relay token comparison', () => {
  it('compares a presented token with the stored hash through timingSafeEqual, on equal-length digests', async () => {
    crypto.timingSafeEqual.mockClear();
    const token = 'AbCdEfGhIjKl.0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
    expect(tokenMatches(token, sha256(token))).toBe(true);
    expect(tokenMatches(`${token.slice(0, -1)}H`, sha256(token))).toBe(false);
    // A stored value of another length is refused without comparing (timingSafeEqual would throw).
    expect(tokenMatches(token, Buffer.from(token))).toBe(false);
    expect(secretEquals('short', 'a much longer admin secret')).toBe(false);
    const calls = crypto.timingSafeEqual.mock.calls as [Buffer, Buffer][];
    expect(calls).toHaveLength(3);
    for (const [a, b] of calls) expect([a.length, b.length]).toEqual([32, 32]);
  });

  it('authenticates a real desktop request through that comparison', async () => {
    const fresh = await freshStore('sqlite');
    const relay = await startRelay(fresh);
    try {
      const pairing = await relay.pair();
      crypto.timingSafeEqual.mockClear();
      expect((await relay.catchUp(pairing.eventsUrl, pairing.token)).status).toBe(200);
      expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(1);
    } finally {
      await relay.close();
      await fresh.dispose();
    }
  });
});

describe('relay against slow clients (slowloris)', () => {
  it('has request, header and keep-alive limits by default', async () => {
    const fresh = await freshStore('sqlite');
    const relay = buildRelay({ store: await fresh.open(), config: fresh.config() });
    try {
      await relay.listen({ host: '127.0.0.1', port: 0 });
      const server = relay.server;
      expect(server.requestTimeout).toBe(SLOW_CLIENT_TIMEOUTS.requestMs);
      expect(server.headersTimeout).toBe(SLOW_CLIENT_TIMEOUTS.headersMs);
      expect(server.keepAliveTimeout).toBe(SLOW_CLIENT_TIMEOUTS.keepAliveMs);
      expect(server.requestTimeout).toBeGreaterThan(0);
      expect(server.requestTimeout).toBeLessThanOrEqual(60_000);
      expect(server.headersTimeout).toBeGreaterThan(0);
      expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
    } finally {
      await relay.close();
      await fresh.dispose();
    }
  });

  it('closes connections that dribble headers or a body, or say nothing, while a paired desktop is served at once', async () => {
    const timeouts: Partial<SlowClientTimeouts> = { headersMs: 400, requestMs: 800, checkEveryMs: 100 };
    const fresh = await freshStore('sqlite');
    const store = await fresh.open();
    const relay = buildRelay({ store, config: fresh.config({ RELAY_HEARTBEAT_SECONDS: '1' }), timeouts });
    await relay.listen({ host: '127.0.0.1', port: 0 });
    const { port } = relay.server.address() as net.AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const { pairNewChannel } = await import('../../electron/relay/pairing');
    const pairing = await pairNewChannel(store, base, 'slow test', Date.now());
    const callbackPath = new URL(pairing.callbackUrl).pathname;
    const desktop = await SseClient.open(pairing.eventsUrl, pairing.token);
    const timers: NodeJS.Timeout[] = [];
    const sockets: net.Socket[] = [];
    try {
      const opened = Date.now();
      const closedAfter: number[] = [];
      const closedKinds: Record<string, number> = {};
      const slow = (first: string, dribble: string, kind: string) => {
        const socket = net.connect(port, '127.0.0.1');
        sockets.push(socket);
        socket.on('error', () => {});
        // Reads what the relay answers (its 408): unread data would hide the close from this side.
        socket.resume();
        socket.on('close', () => {
          closedAfter.push(Date.now() - opened);
          closedKinds[kind] = (closedKinds[kind] ?? 0) + 1;
        });
        if (first) socket.write(first);
        if (dribble) timers.push(setInterval(() => !socket.destroyed && socket.write(dribble), 50));
      };
      for (let i = 0; i < 30; i++) {
        slow('GET /health HTTP/1.1\r\nHost: x\r\n', `X-${i}: y\r\n`, 'headers');
        slow(
          `POST ${callbackPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
          ' ',
          'body',
        );
        slow('', '', 'silent');
      }

      // The desktop's stream and UAPAY's callbacks go through at once meanwhile.
      const bodies: string[] = [];
      for (let i = 0; i < 8; i++) {
        const body = uapayCallback({ externalId: `during-${i}` });
        const started = Date.now();
        const response = await fetch(pairing.callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(response.status).toBe(200);
        expect(Date.now() - started).toBeLessThan(500);
        bodies.push(body);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await desktop.waitForMessages(8, 1_000);

      // Every slow connection was closed by the relay, within its limit and one check.
      await vi.waitFor(() => expect(closedKinds).toEqual({ headers: 30, body: 30, silent: 30 }), {
        timeout: 3_000,
        interval: 50,
      });
      expect(Math.max(...closedAfter)).toBeLessThan(2_000);
      // The stream outlived them all (its request was complete; the response is not timed).
      const late = uapayCallback({ externalId: 'after' });
      await fetch(pairing.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: late,
      });
      await desktop.waitForMessages(9, 1_000);
      expect(desktop.ended).toBe(false);
      expect(await fresh.storedBodies()).toEqual([...bodies, late]);
    } finally {
      timers.forEach(clearInterval);
      sockets.forEach((socket) => socket.destroy());
      desktop.drop();
      await relay.close();
      await fresh.dispose();
    }
  });
});
