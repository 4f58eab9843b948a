/**
 * The desktop takes in only so much of what a relay sends: a catch-up page, an SSE line, an SSE
 * frame, one event's body. A broken or hostile relay (a profile or a pairing code names it) cannot
 * grow the desktop's memory without end, and one oversized event does not stop the others.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fetchEventsAfter,
  MAX_EVENT_BODY_CHARS,
  MAX_PAGE_BYTES,
  RelayCallError,
} from '../../../electron/core/relay/relayApi';
import { SseParser } from '../../../electron/core/relay/sseParser';
import { RelaySubscriber } from '../../../electron/core/relay/subscriber';
import { waitUntil } from './support';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function fakeRelay(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/events/channel`;
}

const event = (id: number, body: string) => ({ id, receivedAt: '2026-05-06T09:00:00.000Z', body });

describe('limits on what a relay sends', () => {
  it('stops reading a catch-up page past its size limit', async () => {
    let written = 0;
    const total = MAX_PAGE_BYTES * 3;
    const eventsUrl = await fakeRelay((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // no length: streamed
      response.write('{"events":[{"id":1,"receivedAt":"x","body":"');
      const piece = 'x'.repeat(64 * 1024);
      const more = () => {
        while (written < total) {
          written += piece.length;
          if (!response.write(piece)) return void response.once('drain', more);
        }
        response.end('"}],"next":null}');
      };
      response.on('close', () => (written = Math.min(written, total)));
      more();
    });
    const error = await fetchEventsAfter(eventsUrl, 'tokenid00000.secret', 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelayCallError);
    expect((error as RelayCallError).reason).toBe('format');
    expect((error as RelayCallError).message).toMatch(/catch-up page over 8 MB/);
    expect(written, 'the relay was cut off, not read to the end').toBeLessThan(total);
  });

  it('skips an event whose body is over the limit and hands on the others, in order', async () => {
    const page = {
      events: [
        event(1, '{"token":"a"}'),
        event(2, 'x'.repeat(MAX_EVENT_BODY_CHARS + 1)),
        event(3, '{"token":"c"}'),
      ],
      next: null,
    };
    const eventsUrl = await fakeRelay((request, response) => {
      if ((request.headers.accept ?? '').includes('text/event-stream')) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(': connected\n\n');
      } else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
    });
    const taken: number[] = [];
    const subscriber = new RelaySubscriber({
      eventsUrl,
      token: 'tokenid00000.secret',
      after: 0,
      onEvent: async (e) => void taken.push(e.id),
      onState: () => {},
    });
    subscriber.start();
    await waitUntil(() => subscriber.lastEventId === 3);
    await subscriber.stop();
    expect(taken).toEqual([1, 3]);
  });

  it('drops an SSE line or frame over the limit without keeping it, and reads on', () => {
    const parser = new SseParser({ lineChars: 100, frameChars: 150 });
    const endless = `data: ${'x'.repeat(1000)}`;
    const first = parser.feed(endless.slice(0, 400));
    expect((parser as unknown as { buffer: string }).buffer.length).toBeLessThanOrEqual(100);
    const rest = parser.feed(`${endless.slice(400)}\n\nid: 2\ndata: ok\n\n`);
    expect([...first.frames, ...rest.frames]).toEqual([{ event: 'message', id: '2', data: 'ok' }]);
    expect((first.oversized ?? 0) + (rest.oversized ?? 0)).toBe(1);

    // Many short data lines that add up to too much: the frame goes, the next one arrives.
    const lines = Array.from({ length: 10 }, () => `data: ${'y'.repeat(40)}`).join('\n');
    const chunk = parser.feed(`id: 3\n${lines}\n\nid: 4\ndata: fine\n\n`);
    expect(chunk.frames).toEqual([{ event: 'message', id: '4', data: 'fine' }]);
    expect(chunk.oversized).toBe(1);
  });
});
