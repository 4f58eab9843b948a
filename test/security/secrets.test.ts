/**
 * A secret goes only to the place it was entered for: a shop set up through the IPC contract with
 * known secrets (RetailCRM API key, merchant keys, SMTP password, relay token), then the money
 * path, a bulk run, both CSV exports, a relay callback and some failures. Afterwards the user-data
 * folder (with the log file in its logs/), the log lines (stderr/stdout, where the core logs), the
 * relay's own logs, every IPC reply, every event and both CSVs are searched for every secret in
 * every encoding: zero hits.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryKeychain } from '../../electron/core/demo/memoryKeychain';
import { createDesk, type Desk } from '../../electron/core/desk';
import { dispatch } from '../../electron/core/ipc';
import { LOG_FILE } from '../../electron/core/logFile';
import { readConfig } from '../../electron/relay/config';
import { pairNewChannel, type PairingResult } from '../../electron/relay/pairing';
import { buildRelay, type Relay } from '../../electron/relay/server';
import { openStore } from '../../electron/relay/store/open';
import type { RelayStore } from '../../electron/relay/store/types';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import type { Handlers } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/errors';
import type { OrdersList } from '../../electron/shared/channels/orders';
import type { SettingsView } from '../../electron/shared/settings';
import { captureOutput, recordReplies, scanForSecrets } from '../support/secretScan';

// Distinctive values with characters that change under JSON, URL and form encoding.
const API_KEY = 'crmKey7f3a+9/c&d=e"q"Zx81';
const SMTP_PASSWORD = 'smtp pass "Пароль" 4e1b+%x&y';

let sandbox: Sandbox;
let relay: Relay;
let relayStore: RelayStore;
let pairing: PairingResult;
let desk: Desk;
const dirs: string[] = [];
const relayLog: string[] = [];
const events: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    size: 40,
    uapay: { callbackTimeFactor: 0.001 },
    retailcrm: { rateLimitPerSecond: 0 },
  });
  sandbox.retailcrm.fake.state.addApiKey({ key: API_KEY });
  const relayDir = await mkdtemp(path.join(os.tmpdir(), 'desk-secrets-relay-'));
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-secrets-'));
  dirs.push(relayDir, userDataDir);
  const config = readConfig({ RELAY_DATA_DIR: relayDir, RELAY_HEARTBEAT_SECONDS: '1' });
  relayStore = await openStore(config, { watch: true });
  relay = buildRelay({ store: relayStore, config, logger: { stream: { write: (l) => relayLog.push(l) } } });
  await relay.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(relay.server.address() as AddressInfo).port}`;
  pairing = await pairNewChannel(relayStore, base, 'secrets test', Date.now());
  desk = createDesk({
    appName: 'UAPAY Desk',
    appVersion: '1',
    userDataDir,
    shell: 'harness',
    secrets: memoryKeychain(),
    uapayBaseUrl: sandbox.uapay.url,
    connections: { retailCrmRequestsPerSecond: 1_000, retailCrm: { backoffMs: 20 } },
  });
  desk.events.subscribe((event, payload) => void events.push(`${event} ${JSON.stringify(payload)}`));
});

afterAll(async () => {
  await desk?.close();
  await relay?.close();
  await relayStore?.close();
  await sandbox?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Waits for `check` to answer something truthy (background work: callbacks, bulk). */
async function until<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('secrets', () => {
  it('appear in no file, log line, IPC reply, event or CSV after setup, money, bulk, export and relay', async () => {
    const output = captureOutput();
    const recorded = recordReplies(desk.handlers);
    const call = async <T>(channel: string, payload: unknown): Promise<Result<T>> =>
      (await dispatch(recorded.handlers as Handlers, channel, payload)) as Result<T>;
    const value = async <T>(channel: string, payload: unknown): Promise<T> => {
      const reply = await call<T>(channel, payload);
      if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
      return reply.value;
    };
    const merchantKeys = Object.values(sandbox.secrets.merchantKeys);
    const secrets = [API_KEY, SMTP_PASSWORD, ...merchantKeys, pairing.token, pairing.token.split('.')[1]!];
    try {
      // ---- Setup through the contract, as the renderer does it; one wrong key on the way.
      await value('profile.import', { text: JSON.stringify(sandbox.profile) });
      const wrong = await call<{ saved: boolean }>('setup.retailCrm.connect', {
        url: sandbox.retailcrm.url,
        apiKey: `${API_KEY}x`,
      });
      expect(wrong.ok && wrong.value.saved).toBe(false);
      const connected = await value<{ saved: boolean; findings: { code: string }[] }>(
        'setup.retailCrm.connect',
        { url: sandbox.retailcrm.url, apiKey: API_KEY },
      );
      expect(connected.saved, JSON.stringify(connected)).toBe(true);
      const view = await value<SettingsView>('settings.get', {});
      for (const merchant of view.settings.merchants) {
        const key = sandbox.secrets.merchantKeys[merchant.id];
        expect(key).toBeTruthy();
        await value('setup.merchants.check', {
          clientId: merchant.clientId,
          environment: 'test',
          secretKey: `${key}AA`,
        });
        await value('setup.merchants.update', { id: merchant.id, secretKey: key });
        await value('setup.merchants.check', { id: merchant.id });
      }
      await value('settings.smtpPassword.set', { password: SMTP_PASSWORD });
      await value('relay.pair', { code: pairing.pairingCode });
      expect(await value('setup.readiness', {})).toMatchObject({ ready: true });

      // ---- Money: a link (paid through the relay's callback), a mailed link, confirm, refund.
      await value('orders.refresh', { full: true });
      const rows = async () => (await value<OrdersList>('orders.list', {})).rows;
      const auto = view.settings.merchants.find((m) => !m.confirmManually)!;
      const fresh = (await rows()).find((r) => r.state === 'no_link' && r.merchantId === auto.id)!;
      expect(fresh).toBeTruthy();
      const link = await value<{ invoiceId: string }>('payments.createLink', { paymentId: fresh.paymentId });
      await value('payments.sendLink', { paymentId: fresh.paymentId, to: 'buyer@example.com' });
      sandbox.mail.catcher.setFault('auth');
      expect(
        await call('payments.sendLink', { paymentId: fresh.paymentId, to: 'buyer@example.com' }),
      ).toMatchObject({ ok: false });
      sandbox.mail.catcher.setFault(null);
      await value('mail.sendTest', { to: 'manager@example.com' }).catch(() => undefined);
      sandbox.uapay.fake.state.pay(link.invoiceId, { card: 'success' });
      const paid = await until(async () =>
        (await rows()).find((r) => r.paymentId === fresh.paymentId && r.state === 'paid'),
      );
      expect(paid, 'the relay callback made the payment paid').toBeTruthy();
      await value('payments.refund', { paymentId: fresh.paymentId, amount: 100 });

      const held = (await rows()).filter((r) => r.state === 'held');
      expect(held.length).toBeGreaterThanOrEqual(3);
      await value('payments.confirm', { paymentId: held[0]!.paymentId });
      await value('payments.cancel', { paymentId: held[1]!.paymentId });
      await value('payments.sync', {}).catch(() => undefined);

      // ---- Bulk confirm of the rest, and both CSV exports.
      const preflight = await value<{ preflightId: string }>('bulk.preflight', {
        action: 'confirm',
        query: { chips: ['held'] },
      });
      const started = await value<{ batchId: string }>('bulk.start', { preflightId: preflight.preflightId });
      await desk.workspace().bulk.idle();
      const bulkCsv = await value<{ text: string; rows: number }>('bulk.exportCsv', {
        batchId: started.batchId,
      });
      expect(bulkCsv.rows).toBeGreaterThan(0);
      const journalCsv = await value<{ text: string; rows: number }>('journal.exportCsv', {});
      expect(journalCsv.rows).toBeGreaterThan(3);
      await value('profile.export', {});
      await value('settings.get', {});
      await value('relay.status', {});
    } finally {
      output.stop();
    }

    // The log file (logs/ in the user-data folder, scanned with the rest) holds what the run logged.
    await desk.logFile.flush();
    const logged = await readFile(path.join(desk.logFile.folder, LOG_FILE), 'utf8');
    expect(logged.split('\n').filter(Boolean).length).toBeGreaterThan(0);
    expect(desk.logFile.folder.startsWith(dirs[1]!)).toBe(true);

    const texts = [...recorded.replies, ...events, ...output.lines, ...relayLog];
    expect(recorded.replies.length).toBeGreaterThan(30);
    expect(
      scanForSecrets(dirs, texts, secrets).map((hit) => ({ ...hit, context: hit.context.slice(0, 120) })),
    ).toEqual([]);
  });
});
