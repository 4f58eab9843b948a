import { describe, expect, it } from 'vitest';
import { memoryKeychain } from '../../../electron/core/demo/memoryKeychain';
import { createDesk } from '../../../electron/core/desk';
import { dispatch } from '../../../electron/core/ipc';
import type { RelayStatus } from '../../../electron/shared/channels/relay';
import { tempDir, TestRelay, waitUntil } from './support';

describe('relay channels', () => {
  it('pairs, reports and unpairs over the IPC contract, never answering with the token', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = createDesk({
      appName: 'UAPAY Desk',
      appVersion: '2.0.0',
      userDataDir: await tempDir('desk-relay-ipc-'),
      shell: 'harness',
      secrets: memoryKeychain(),
    });
    const events: RelayStatus[] = [];
    desk.events.subscribe((event, payload) => {
      if (event === 'relay.status') events.push(payload as RelayStatus);
    });
    try {
      const bad = await dispatch(desk.handlers, 'relay.pair', { code: 'hello' });
      expect(bad).toMatchObject({
        ok: false,
        error: { kind: 'pairing', problem: 'prefix' },
      });
      expect(await dispatch(desk.handlers, 'relay.pair', { code: 42 })).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });

      const paired = await dispatch(desk.handlers, 'relay.pair', { code: pairing.pairingCode });
      expect(paired).toMatchObject({ ok: true, value: { paired: true, tokenSaved: true } });
      await waitUntil(() => events.at(-1)?.connection.state === 'connected');
      const status = await dispatch(desk.handlers, 'relay.status', {});
      expect(status).toMatchObject({ ok: true, value: { connection: { state: 'connected' } } });

      expect(await dispatch(desk.handlers, 'relay.unpair', {})).toMatchObject({
        ok: true,
        value: { paired: false, connection: { state: 'off' } },
      });
      expect(JSON.stringify([paired, status, events])).not.toContain(pairing.token);
    } finally {
      await desk.close();
    }
  });
});
