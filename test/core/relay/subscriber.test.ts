import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RelaySubscriber, type SubscriberState } from '../../../electron/core/relay/subscriber';
import { signHs256 } from '../../relay/support/callbacks';
import { MERCHANT, openDesktop, TestRelay, waitUntil } from './support';

function callback(invoiceId: string): string {
  const payload = { paymentId: `pay-${invoiceId}`, invoiceId, status: 'FINISHED', paymentStatus: 'FINISHED' };
  return JSON.stringify({
    token: signHs256({ ...payload, iat: Math.floor(Date.now() / 1000) }, MERCHANT.secretKey),
  });
}

async function postAll(relay: TestRelay, url: string, ids: string[]): Promise<void> {
  for (const id of ids) expect(await relay.post(url, callback(id))).toBe(200);
}

const silentServers: http.Server[] = [];
afterEach(async () => {
  for (const server of silentServers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the relay subscription', () => {
  it('resumes after the connection is cut, without losing or repeating an event', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await openDesktop();
    await desk.service.pair(pairing.pairingCode);
    await desk.waitForStatus((s) => s.connection.state === 'connected');

    await postAll(relay, pairing.callbackUrl, ['inv-1', 'inv-2', 'inv-3']);
    await waitUntil(() => desk.hinted().length === 3);
    expect(relay.dropConnections()).toBeGreaterThan(0);
    await postAll(relay, pairing.callbackUrl, ['inv-4', 'inv-5', 'inv-6']);

    await waitUntil(() => desk.hinted().length >= 6);
    await desk.waitForStatus((s) => s.connection.state === 'connected' && s.counts.applied === 6);
    expect(desk.hinted()).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4', 'inv-5', 'inv-6']);
    expect(desk.service.status().counts).toMatchObject({ received: 6, duplicates: 0 });
    expect(desk.statuses.some((s) => s.connection.state === 'retrying')).toBe(true);
  });

  it('retries with growing delays while the relay is down, and catches up once it is back', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await openDesktop();
    await desk.service.pair(pairing.pairingCode);
    await desk.waitForStatus((s) => s.connection.state === 'connected');
    await postAll(relay, pairing.callbackUrl, ['inv-1']);
    await waitUntil(() => desk.hinted().length === 1);

    await relay.down();
    await desk.waitForStatus((s) => s.connection.state === 'retrying' && s.connection.attempt >= 4, 5_000);
    const retrying = desk.statuses.find((s) => s.connection.state === 'retrying')?.connection;
    expect(retrying).toMatchObject({ problem: expect.stringMatching(/relay/) as string });

    await relay.up();
    await postAll(relay, pairing.callbackUrl, ['inv-2', 'inv-3']);
    await waitUntil(() => desk.hinted().length === 3, 5_000);
    expect(desk.hinted()).toEqual(['inv-1', 'inv-2', 'inv-3']);
    await desk.waitForStatus((s) => s.connection.state === 'connected');
  });

  it('survives a relay restart on the same data: nothing from before it comes again, nothing after it is missed', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await openDesktop();
    await desk.service.pair(pairing.pairingCode);
    await desk.waitForStatus((s) => s.connection.state === 'connected');
    await postAll(relay, pairing.callbackUrl, ['inv-1', 'inv-2']);
    await waitUntil(() => desk.hinted().length === 2);

    await relay.restart();
    await postAll(relay, pairing.callbackUrl, ['inv-3']);
    await waitUntil(() => desk.hinted().length === 3, 5_000);
    await desk.waitForStatus((s) => s.connection.state === 'connected');
    await postAll(relay, pairing.callbackUrl, ['inv-4']);
    await waitUntil(() => desk.hinted().length === 4);
    expect(desk.hinted()).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4']);
  });

  it('resumes after an app restart from the saved cursor, taking only what came meanwhile', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const first = await openDesktop();
    await first.service.pair(pairing.pairingCode);
    await first.waitForStatus((s) => s.connection.state === 'connected');
    await postAll(relay, pairing.callbackUrl, ['inv-1', 'inv-2']);
    await first.waitForStatus((s) => s.counts.applied === 2);
    await first.service.close();

    await postAll(relay, pairing.callbackUrl, ['inv-3', 'inv-4']); // while the app is closed
    const again = await openDesktop({ dir: first.dir, secretStore: first.secretStore, merchants: [] });
    await waitUntil(() => again.hinted().length >= 2);
    await again.waitForStatus((s) => s.connection.state === 'connected');
    expect(again.hinted()).toEqual(['inv-3', 'inv-4']);
  });

  it('takes an event again after an app restart when its hint had not run yet', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const slow = { backoff: { baseMs: 20, capMs: 200 }, heartbeatMs: 1_000, hintWindowMs: 60_000 };
    const first = await openDesktop({ timing: slow });
    await first.service.pair(pairing.pairingCode);
    await first.waitForStatus((s) => s.connection.state === 'connected');
    await postAll(relay, pairing.callbackUrl, ['inv-1']);
    await first.waitForStatus((s) => s.counts.received === 1);
    await first.service.close(); // the hint still waits for its batch window
    expect(first.hinted()).toEqual([]);

    const again = await openDesktop({ dir: first.dir, secretStore: first.secretStore, merchants: [] });
    await waitUntil(() => again.hinted().length === 1);
    expect(again.hinted()).toEqual(['inv-1']);
  });

  it('stops for good when the token is revoked while connected, and says so', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await openDesktop();
    await desk.service.pair(pairing.pairingCode);
    await desk.waitForStatus((s) => s.connection.state === 'connected');

    expect(await relay.store.revokeToken(pairing.tokenId, Date.now())).toBe(true);
    const status = await desk.waitForStatus((s) => s.connection.state === 'unauthorized');
    expect(status.connection).toMatchObject({ message: expect.stringContaining('revoked') as string });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(desk.service.status().connection.state).toBe('unauthorized');
    expect(relay.relay.streamCount()).toBe(0);
  });

  it('reports unauthorized at start when the saved token is no longer accepted', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const first = await openDesktop();
    await first.service.pair(pairing.pairingCode);
    await first.service.close();
    await relay.store.revokeToken(pairing.tokenId, Date.now());

    const again = await openDesktop({ dir: first.dir, secretStore: first.secretStore, merchants: [] });
    const status = await again.waitForStatus((s) => s.connection.state === 'unauthorized');
    expect(status.connection).toMatchObject({
      message: expect.stringContaining('revoked or is wrong') as string,
    });
  });

  it('waits longer after each failed attempt, capped, with jitter', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve)); // nothing listens there now

    const delays: number[] = [];
    const subscriber = new RelaySubscriber({
      eventsUrl: `http://127.0.0.1:${port}/events/channel`,
      token: 'tokenid00000.secret',
      after: 0,
      backoff: { baseMs: 10, capMs: 80 },
      onEvent: async () => {},
      onState: (state) => {
        if (state.state === 'retrying') delays.push(state.nextAttemptAt.getTime() - Date.now());
      },
    });
    subscriber.start();
    await waitUntil(() => delays.length >= 6, 3_000);
    await subscriber.stop();
    // Steps 10, 20, 40, 80, 80, 80 ms; each wait is between half the step and the whole of it.
    const steps = [10, 20, 40, 80, 80, 80];
    delays.slice(0, 6).forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(steps[i]! / 2 - 2);
      expect(delay).toBeLessThanOrEqual(steps[i]! + 2);
    });
  });

  it('treats a stream silent for several heartbeats as dead and reconnects', async () => {
    let streams = 0;
    const server = http.createServer((request, response) => {
      if ((request.headers.accept ?? '').includes('text/event-stream')) {
        streams += 1;
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(': connected\n\n'); // then nothing, like a connection a router dropped silently
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"events":[],"next":null}');
      }
    });
    silentServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events/channel`;

    const states: SubscriberState[] = [];
    const subscriber = new RelaySubscriber({
      eventsUrl,
      token: 'tokenid00000.secret',
      after: 0,
      heartbeatMs: 50,
      deadAfterHeartbeats: 3,
      backoff: { baseMs: 10, capMs: 20 },
      onEvent: async () => {},
      onState: (state) => void states.push(state),
    });
    const started = Date.now();
    subscriber.start();
    await waitUntil(() => streams >= 3, 3_000);
    await subscriber.stop();
    // Three connections need at least two silences of 3 × 50 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(states).toContainEqual(
      expect.objectContaining({
        state: 'retrying',
        problem: expect.stringContaining('No word from the relay'),
      }),
    );
  });
});
