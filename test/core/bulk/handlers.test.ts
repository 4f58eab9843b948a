import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../../electron/core/desk';
import { dispatch } from '../../../electron/core/ipc';
import { osKeychain } from '../../../electron/core/secrets/keychain';
import type { BulkPreflight, BulkProgress, BulkStatus } from '../../../electron/shared/channels/bulk';
import type { Result } from '../../../electron/shared/errors';
import { openShop, STATUS_MAPPING, type Shop } from './support';

let shop: Shop;
let desk: Desk;
afterEach(async () => {
  await desk?.close();
  await shop?.close();
});

describe('bulk over IPC', () => {
  it('serves preflight, start, progress, status and CSV through the contract, and validates requests', async () => {
    shop = await openShop();
    const held = [shop.held(), shop.held(), shop.held({ amount: 30_000, crmAmount: 29_000 })];
    desk = createDesk({
      appName: 'UAPAY Desk',
      appVersion: '1.0.0',
      userDataDir: shop.dir,
      shell: 'harness',
      secrets: osKeychain(shop.keychainService),
      uapayBaseUrl: shop.sandbox.uapay.url,
      connections: { retailCrmRequestsPerSecond: 1_000 },
      // The test drives the list and the batch itself, and counts what reached UAPAY.
      background: false,
    });
    const progress: BulkProgress[] = [];
    desk.events.subscribe((event, payload) => event === 'bulk.progress' && progress.push(payload));
    const call = (channel: string, payload: unknown) => dispatch(desk.handlers, channel, payload);
    const value = async <T>(channel: string, payload: unknown): Promise<T> => {
      const reply = (await call(channel, payload)) as Result<T>;
      if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
      return reply.value;
    };

    expect(await call('bulk.preflight', { action: 'confirm', paymentIds: [1], query: {} })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await call('bulk.preflight', { action: 'capture', query: {} })).toMatchObject({ ok: false });
    expect(await call('bulk.preflight', { action: 'confirm', query: { chips: ['nope'] } })).toMatchObject({
      ok: false,
    });
    expect(await value('bulk.status', {})).toBeNull();
    expect(await value('bulk.interrupted', {})).toEqual([]);

    const preflight = await value<BulkPreflight>('bulk.preflight', {
      action: 'confirm',
      query: { chips: ['held'], sort: { column: 'amount', direction: 'desc' } },
    });
    expect(preflight.rows.map((row) => row.paymentId)).toEqual([
      held[2]!.paymentId,
      held[1]!.paymentId,
      held[0]!.paymentId,
    ]);
    expect(preflight.eligible).toEqual({ count: 2, total: held[0]!.amount + held[1]!.amount });
    const started = await value<BulkStatus>('bulk.start', { preflightId: preflight.preflightId });
    await desk.workspace().bulk.idle();
    expect(progress.at(-1)).toMatchObject({
      batchId: started.batchId,
      state: 'finished',
      counts: { done: 2, skipped: 1 },
    });
    expect(await value<BulkStatus>('bulk.status', {})).toMatchObject({
      batchId: started.batchId,
      moved: preflight.eligible.total,
    });
    expect(shop.crmStatus(held[0]!)).toBe(STATUS_MAPPING.paid);

    const csv = await value<{ fileName: string; rows: number }>('bulk.exportCsv', {
      batchId: started.batchId,
    });
    expect(csv).toMatchObject({
      rows: 3,
      fileName: expect.stringMatching(/^uapay-desk-bulk-confirm-.*\.csv$/),
    });
    expect(await call('bulk.resume', { batchId: started.batchId })).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ code: 'not_resumable' }] },
    });
    expect(await call('bulk.retryFailed', { batchId: started.batchId })).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'nothing_failed' }] },
    });
    expect(await call('bulk.status', { batchId: 'no-such-batch' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', what: 'batch' },
    });
  });
});
