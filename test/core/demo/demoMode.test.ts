import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../../electron/core/desk';
import { dispatch } from '../../../electron/core/ipc';
import type { Channel, Req, Res } from '../../../electron/shared/contract';
import { testKeychain } from '../../support/keychain';

let desk: Desk | undefined;
let dir: string | undefined;
afterEach(async () => {
  await desk?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open() {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-demo-'));
  desk = createDesk({
    appName: 'UAPAY Desk',
    appVersion: '1.0.0',
    userDataDir: dir,
    shell: 'harness',
    secrets: testKeychain(),
    demoSize: 40,
  });
  return desk;
}

async function ipc<C extends Channel>(channel: C, request: Req<C>): Promise<Res<C>> {
  const result = await dispatch(desk!.handlers, channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as Res<C>;
}

describe('Demo mode', () => {
  it('runs the whole money path on the in-app sandbox, and leaves the person’s own settings untouched', async () => {
    await open();
    const before = await ipc('settings.get', {});
    expect(before.settings.retailCrm).toBeNull();

    const view = await ipc('demo.start', {});
    expect(view.settings.demoMode).toBe(true);
    expect(view.settings.merchants).toHaveLength(2);
    const { rows } = await ipc('orders.list', {});
    expect(rows.length).toBeGreaterThan(20);

    const held = rows.find((r) => r.state === 'held');
    expect(held).toBeTruthy();
    await expect(ipc('payments.confirm', { paymentId: held!.paymentId })).resolves.toMatchObject({
      state: 'paid',
    });

    const unlinked = rows.find((r) => r.state === 'no_link');
    const link = await ipc('payments.createLink', { paymentId: unlinked!.paymentId });
    expect(link.qr).toMatch(/^data:image\/png;base64,/);
    await ipc('payments.sendLink', { paymentId: unlinked!.paymentId, to: 'customer@example.com' });
    const [letter] = await ipc('demo.mailbox', {});
    expect(letter).toMatchObject({ to: ['customer@example.com'] });
    expect(letter?.links).toContain(link.link);

    const journal = await ipc('journal.list', { orderId: held!.orderId });
    expect(journal.map((e) => [e.kind, e.outcome])).toEqual([['payment.confirm', 'succeeded']]);

    const after = await ipc('demo.stop', {});
    expect(after.settings).toMatchObject({ demoMode: false, retailCrm: null, merchants: [] });
    expect(await ipc('journal.list', {})).toEqual([]);
  });

  it('comes back after a restart while Demo mode is on', async () => {
    await open();
    await ipc('demo.start', {});
    await desk!.close();
    desk = createDesk({
      appName: 'UAPAY Desk',
      appVersion: '1.0.0',
      userDataDir: dir!,
      shell: 'harness',
      secrets: testKeychain(),
      demoSize: 10,
    });
    const view = await ipc('settings.get', {});
    expect(view.settings.demoMode).toBe(true);
    expect((await ipc('orders.list', {})).rows.length).toBeGreaterThan(0);
  });
});
