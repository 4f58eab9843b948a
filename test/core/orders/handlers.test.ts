import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryKeychain } from '../../../electron/core/demo/memoryKeychain';
import { createDesk } from '../../../electron/core/desk';
import { dispatch } from '../../../electron/core/ipc';
import { RETAILCRM_API_KEY } from '../../../electron/core/secrets/accounts';
import { defaultSettings } from '../../../electron/core/settings/schema';
import type {
  OrdersChanged,
  OrdersList,
  OrdersRefreshResult,
  OrderView,
} from '../../../electron/shared/channels/orders';
import type { Kopiyky } from '../../../electron/shared/money';
import { API_KEY, MAPPING, MERCHANT_A, merchant, startCrm, tempDir } from './support';

async function openDesk(url: string) {
  const dir = await tempDir();
  await fs.writeFile(
    path.join(dir, 'settings.json'),
    JSON.stringify({
      version: 1,
      ...defaultSettings(),
      retailCrm: { url, siteCodes: [] },
      merchants: [merchant(MERCHANT_A, 'A', 'uapay-a')],
      statusMapping: MAPPING,
    }),
  );
  const secrets = memoryKeychain();
  await secrets.set(RETAILCRM_API_KEY, API_KEY);
  const desk = createDesk({
    appName: 'UAPAY Desk',
    appVersion: '1.0.0',
    userDataDir: dir,
    shell: 'harness',
    secrets,
    // The test refreshes through the contract and checks what each refresh did.
    background: false,
  });
  const events: OrdersChanged[] = [];
  desk.events.subscribe((event, payload) => {
    if (event === 'orders.changed') events.push(payload);
  });
  const value = async <T>(channel: string, payload: unknown): Promise<T> => {
    const reply = await dispatch(desk.handlers, channel, payload);
    if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.value as T;
  };
  return { desk, dir, events, value };
}

describe('orders over IPC', () => {
  it('refreshes, lists and opens an order through the contract', async () => {
    const { state, url } = await startCrm();
    const order = state.addOrder({
      number: '42A',
      firstName: 'Оксана',
      totalSumm: 99_00 as Kopiyky,
      payments: [{ type: 'uapay-a', status: 'link-sent', amount: 99_00 as Kopiyky, externalId: 'inv-42' }],
    });
    const { desk, events, value } = await openDesk(url);

    expect(await value<OrdersList>('orders.list', {})).toEqual({ rows: [], refreshing: false });
    const refreshed = await value<OrdersRefreshResult>('orders.refresh', {});
    expect(refreshed).toMatchObject({ mode: 'full', changed: 1, total: 1, requests: 3, complete: true });
    const list = await value<OrdersList>('orders.list', {});
    expect(list.rows).toEqual([expect.objectContaining({ orderNumber: '42A', state: 'link_sent' })]);
    expect(list.refreshedAt).toBe(refreshed.refreshedAt);
    // The first load shows each page as it comes, then says it is done.
    expect(events.find((e) => e.changed.length > 0)).toMatchObject({
      refreshing: true,
      changed: [{ orderNumber: '42A' }],
    });
    expect(events.at(-1)).toMatchObject({ refreshing: false, changed: [], removed: [] });

    const view = await value<OrderView>('orders.get', { paymentId: order.paymentIds[0] });
    expect(view.detail).toMatchObject({ orderNumber: '42A', contact: { name: 'Оксана' } });
    expect(await value<OrdersRefreshResult>('orders.refresh', { full: true })).toMatchObject({
      mode: 'full',
    });
    await desk.close();
  });

  it('refuses malformed requests and unknown payments with a typed error', async () => {
    const { url } = await startCrm();
    const { desk } = await openDesk(url);
    expect(await dispatch(desk.handlers, 'orders.get', { paymentId: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await dispatch(desk.handlers, 'orders.refresh', { full: 'yes' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await dispatch(desk.handlers, 'orders.get', { paymentId: 12345 })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', what: 'payment' },
    });
    await desk.close();
  });
});
