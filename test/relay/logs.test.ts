import { describe, expect, it } from 'vitest';
import { uapayCallback } from './support/callbacks';
import { startRelay } from './support/relay';
import { SseClient } from './support/sse';
import { freshStore } from './support/stores';

const ADMIN = 'admin-secret-for-log-test-0123456789';

describe('relay logs', () => {
  it('are structured JSON and carry no callback body, token or full channel id', async () => {
    const lines: string[] = [];
    const fresh = await freshStore('sqlite');
    const relay = await startRelay(fresh, {
      env: { RELAY_ADMIN_TOKEN: ADMIN, RELAY_LOG_LEVEL: 'debug' },
      logger: { stream: { write: (line) => lines.push(line) } },
    });
    try {
      const paired = await fetch(`${relay.base}/admin/channels`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      const pairing = (await paired.json()) as {
        channelId: string;
        token: string;
        callbackUrl: string;
        eventsUrl: string;
      };
      const local = (url: string) => url.replace(relay.config.publicUrl, relay.base);

      const marker = 'SECRET-PAYLOAD-MARKER';
      const body = uapayCallback({ externalId: marker });
      expect((await relay.post(local(pairing.callbackUrl), body)).status).toBe(200);
      expect((await relay.post(local(pairing.callbackUrl), JSON.stringify({ token: marker }))).status).toBe(
        400,
      );
      expect((await relay.post(local(pairing.callbackUrl), body, 'text/plain')).status).toBe(415);
      const stream = await SseClient.open(local(pairing.eventsUrl), pairing.token, { lastEventId: '0' });
      await stream.waitForMessages(1);
      stream.drop();
      await relay.catchUp(local(pairing.eventsUrl), pairing.token);
      await fetch(local(pairing.eventsUrl), { headers: { authorization: `Bearer ${pairing.token}x` } });

      const log = lines.join('');
      for (const secret of [
        marker,
        body.slice(12, 60),
        pairing.token,
        pairing.token.split('.')[1]!,
        ADMIN,
        pairing.channelId,
      ]) {
        expect(log).not.toContain(secret);
      }
      const records = lines.map(
        (line) =>
          JSON.parse(line) as { msg: string; channel?: string; status?: number; req?: { url: string } },
      );
      expect(
        records.some(
          (r) => r.msg === 'request' && r.status === 200 && r.req?.url.startsWith('/uapay/callback/'),
        ),
      ).toBe(true);
      expect(
        records.some((r) => r.msg === 'callback stored' && r.channel === `${pairing.channelId.slice(0, 6)}…`),
      ).toBe(true);
      expect(records.some((r) => r.msg === 'callback refused')).toBe(true);
      expect(records.some((r) => r.msg === 'event stream opened')).toBe(true);
    } finally {
      await relay.close();
      await fresh.dispose();
    }
  });
});
