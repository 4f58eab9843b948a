import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/relay/cli';
import type { PairingResult } from '../../electron/relay/pairing';
import { uapayCallback } from './support/callbacks';
import { startRelay, type RunningRelay } from './support/relay';
import { SseClient } from './support/sse';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds, type FreshStore } from './support/stores';

for (const kind of storeKinds()) {
  describe(`desktop events (${kind})`, () => {
    let fresh: FreshStore;
    let relay: RunningRelay;
    let pairing: PairingResult;
    const streams: SseClient[] = [];

    const open = async (token: string, lastEventId?: string, url = pairing.eventsUrl) => {
      const stream = await SseClient.open(url, token, { lastEventId });
      streams.push(stream);
      return stream;
    };
    const send = async (count: number, tag: string) => {
      const bodies = Array.from({ length: count }, (_, i) => uapayCallback({ externalId: `${tag}-${i}` }));
      for (const body of bodies) expect((await relay.post(pairing.callbackUrl, body)).status).toBe(200);
      return bodies;
    };

    beforeEach(async () => {
      fresh = await freshStore(kind);
      relay = await startRelay(fresh, { env: { RELAY_PAGE_LIMIT: '50', RELAY_HEARTBEAT_SECONDS: '1' } });
      pairing = await relay.pair();
    });
    afterEach(async () => {
      streams.splice(0).forEach((stream) => stream.drop());
      await relay.close();
      await fresh.dispose();
    });

    it('answers a catch-up GET with exactly {events:[{id,receivedAt,body}],next} in order, page by page', async () => {
      const before = Date.now();
      const bodies = await send(3, 'catch-up');

      const all = await relay.catchUp(pairing.eventsUrl, pairing.token, '?after=0');
      expect(all.status).toBe(200);
      expect(Object.keys(all.json)).toEqual(['events', 'next']);
      expect(all.json.next).toBeNull();
      expect(all.json.events.map((e) => e.body)).toEqual(bodies);
      for (const event of all.json.events) {
        expect(Object.keys(event)).toEqual(['id', 'receivedAt', 'body']);
        expect(new Date(event.receivedAt).toISOString()).toBe(event.receivedAt);
        expect(Date.parse(event.receivedAt)).toBeGreaterThanOrEqual(before - 5);
      }
      const ids = all.json.events.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));

      const first = await relay.catchUp(pairing.eventsUrl, pairing.token, '?after=0&limit=2');
      expect(first.json.events.map((e) => e.id)).toEqual(ids.slice(0, 2));
      expect(first.json.next).toBe(ids[1]);
      const second = await relay.catchUp(
        pairing.eventsUrl,
        pairing.token,
        `?after=${first.json.next}&limit=2`,
      );
      expect(second.json).toEqual({ events: all.json.events.slice(2), next: null });
      const none = await relay.catchUp(pairing.eventsUrl, pairing.token, `?after=${ids[2]}`);
      expect(none.json).toEqual({ events: [], next: null });
    });

    it('caps a catch-up page at RELAY_PAGE_LIMIT', async () => {
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => relay.post(pairing.callbackUrl, uapayCallback({ i }))),
      );
      const page = await relay.catchUp(pairing.eventsUrl, pairing.token, '?limit=1000');
      expect(page.json.events).toHaveLength(50);
      expect(page.json.next).toBe(page.json.events[49]!.id);
    });

    it('refuses a missing, unknown, malformed or other-channel token, and a bad cursor', async () => {
      const other = await relay.pair('other shop');
      const tampered = `${pairing.token.slice(0, -1)}${pairing.token.endsWith('A') ? 'B' : 'A'}`;
      for (const authorization of [
        undefined,
        'Bearer nope',
        `Basic ${pairing.token}`,
        `Bearer ${tampered}`,
        `Bearer ${other.token}`,
      ]) {
        const response = await fetch(pairing.eventsUrl, { headers: authorization ? { authorization } : {} });
        expect(response.status, authorization).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
      const stream = await open(other.token);
      expect(stream.status).toBe(401);
      const bad = await relay.catchUp(pairing.eventsUrl, pairing.token, '?after=abc');
      expect(bad.status).toBe(400);
    });

    it('streams events with ids and resumes after a dropped connection from Last-Event-ID', async () => {
      const first = await open(pairing.token);
      expect(first.status).toBe(200);
      expect(first.contentType).toMatch(/^text\/event-stream/);
      const early = await send(2, 'early');
      await first.waitForMessages(2);
      expect(first.messages().map((m) => m.body)).toEqual(early);
      expect(first.events.map((e) => e.id)).toEqual(first.messages().map((m) => String(m.id)));

      first.drop();
      const missed = await send(3, 'missed');
      const lastSeen = first.events.at(-1)!.id!;
      const second = await open(pairing.token, lastSeen);
      await second.waitForMessages(3);
      const live = await send(1, 'live');
      await second.waitForMessages(4);
      expect(second.messages().map((m) => m.body)).toEqual([...missed, ...live]);
      expect(second.messages().every((m) => m.id > Number(lastSeen))).toBe(true);
    });

    it('starts a stream from ?after= or from the oldest event, and sends heartbeats when idle', async () => {
      const bodies = await send(3, 'start');
      const fromStart = await open(pairing.token);
      await fromStart.waitForMessages(3);
      expect(fromStart.messages().map((m) => m.body)).toEqual(bodies);
      const secondId = fromStart.messages()[1]!.id;
      const fromAfter = await open(pairing.token, undefined, `${pairing.eventsUrl}?after=${secondId}`);
      await fromAfter.waitForMessages(1);
      expect(fromAfter.messages().map((m) => m.body)).toEqual(bodies.slice(2));
      await fromAfter.waitUntil((c) => c.comments.includes('heartbeat'), 3000, 'a heartbeat');
    });

    it('gives every paired desktop every event of its channel, in order', async () => {
      const second = await relay.addDesktop(pairing.channelId);
      const early = await open(pairing.token);
      const bodies = await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          const body = uapayCallback({ externalId: `both-${i}` });
          expect((await relay.post(pairing.callbackUrl, body)).status).toBe(200);
          return body;
        }),
      );
      const late = await open(second.token);
      await early.waitForMessages(120);
      await late.waitForMessages(120);
      const catchUp = await relay.catchUpAll(pairing.eventsUrl, second.token);
      expect(catchUp).toHaveLength(120);
      for (const stream of [early, late]) {
        const messages = stream.messages();
        expect(messages.map((m) => m.id)).toEqual(catchUp.map((e) => e.id));
        expect(new Set(messages.map((m) => m.body))).toEqual(new Set(bodies));
      }
    });

    it('refuses a revoked token at once, and closes its open stream', async () => {
      const second = await relay.addDesktop(pairing.channelId);
      const revokedStream = await open(pairing.token);
      const otherStream = await open(second.token);
      await send(1, 'before');
      await revokedStream.waitForMessages(1);

      expect(await relay.store.revokeToken(pairing.tokenId, Date.now())).toBe(true);
      await revokedStream.waitForEnd(1000);
      expect(revokedStream.events.at(-1)?.event).toBe('revoked');
      expect((await relay.catchUp(pairing.eventsUrl, pairing.token)).status).toBe(401);
      expect((await open(pairing.token)).status).toBe(401);

      await send(1, 'after');
      await otherStream.waitForMessages(2);
      expect(otherStream.ended).toBe(false);
      expect(revokedStream.messages()).toHaveLength(1);
    });

    it('closes the open stream of a token revoked by the CLI (another connection to the store)', async () => {
      const stream = await open(pairing.token);
      await stream.waitUntil((c) => c.comments.includes('connected'), 2000, 'the stream to open');
      const lines: string[] = [];
      const push = (line: string) => lines.push(line);
      const code = await runCli('revoke', [pairing.tokenId], fresh.env, push, push);
      expect(code, lines.join('\n')).toBe(0);
      await stream.waitForEnd(2000);
      expect((await open(pairing.token)).status).toBe(401);
    });
  });
}

reportMissingPostgres('desktop events');
