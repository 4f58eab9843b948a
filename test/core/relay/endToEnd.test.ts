import { afterEach, describe, expect, it } from 'vitest';
import { kopiyky } from '../../../electron/shared/money';
import { useSandbox } from '../../../electron/core/demo/useSandbox';
import { memoryKeychain } from '../../../electron/core/demo/memoryKeychain';
import { EventBus } from '../../../electron/core/events';
import { Workspace } from '../../../electron/core/workspace';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { tempDir, TestRelay } from './support';

let sandbox: Sandbox | undefined;
const workspaces: Workspace[] = [];
afterEach(async () => {
  for (const ws of workspaces.splice(0)) await ws.close();
  await sandbox?.stop();
});

async function desktop(code: string, hintDelayMs: number): Promise<Workspace> {
  const ws = new Workspace({
    dir: await tempDir('desk-e2e-'),
    secretStore: memoryKeychain(),
    events: new EventBus(),
    app: { appName: 'UAPAY Desk', appVersion: '1' },
    uapayBaseUrl: sandbox!.uapay.url,
    connections: { retailCrmRequestsPerSecond: 100, retailCrm: { backoffMs: 20 } },
    payments: { hintDelayMs },
    // Only the relay may tell these desktops: a background status sync would hide a lost callback.
    background: false,
  });
  workspaces.push(ws);
  await useSandbox(ws.settings, ws.secrets, sandbox!);
  await ws.relay.pair(code);
  await ws.orders.refresh({ full: true });
  return ws;
}

async function until<T>(
  read: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('UAPAY → relay → two desktops → RetailCRM', () => {
  it('a paid link reaches both desktops within seconds, and RetailCRM is updated once', async () => {
    const relay = await TestRelay.start();
    const first = await relay.pair();
    const second = await relay.addDesktop(first.channelId);
    sandbox = await startSandbox({
      size: 12,
      uapay: { callbackTimeFactor: 0.001 },
      retailcrm: { rateLimitPerSecond: 0 },
    });
    const a = await desktop(first.pairingCode, 0);
    // Desktops stagger their handling of a callback (PaymentsService: a random 0–800 ms) and re-read
    // RetailCRM first; 2 s leaves the first desktop's write room to land even on a loaded CI machine.
    const b = await desktop(second.pairingCode, 2_000);

    const auto = (await a.settings.get()).merchants.find((m) => !m.confirmManually);
    const row = (await a.orders.list()).rows.find((r) => r.state === 'no_link' && r.merchantId === auto?.id);
    expect(row).toBeTruthy();
    const link = await a.payments.createLink(row!.paymentId);
    expect(sandbox.uapay.fake.state.invoice(link.invoiceId)?.callbackUrl).toBe(first.callbackUrl);
    await b.orders.refresh();

    const crm = sandbox.retailcrm.fake;
    const editsBefore = crm.control.callCount('orders/payments/{id}/edit', String(row!.paymentId)).succeeded;
    const paidAt = Date.now();
    sandbox.uapay.fake.state.pay(link.invoiceId, { card: 'success' });

    const status = await until(
      () => crm.state.payment(row!.paymentId)?.status,
      (s) => s === 'uapay-paid',
    );
    expect(status).toBe('uapay-paid');
    expect(Date.now() - paidAt).toBeLessThan(5_000);
    const seenByB = await until(
      async () => (await b.orders.row(row!.paymentId))?.state,
      (s) => s === 'paid',
    );
    expect(seenByB).toBe('paid');
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for a second, unwanted write
    expect(
      crm.control.callCount('orders/payments/{id}/edit', String(row!.paymentId)).succeeded - editsBefore,
    ).toBe(1);
    expect(a.relay.status().counts).toMatchObject({ forged: 0 });
  });

  it('a callback for an older link no row carries is routed by its signed extraInfo, and the payment follows it', async () => {
    const relay = await TestRelay.start();
    const paired = await relay.pair();
    sandbox = await startSandbox({
      size: 12,
      uapay: { callbackTimeFactor: 0.001 },
      retailcrm: { rateLimitPerSecond: 0 },
    });
    const a = await desktop(paired.pairingCode, 0);
    const auto = (await a.settings.get()).merchants.find((m) => !m.confirmManually);
    const row = (await a.orders.list()).rows.find((r) => r.state === 'no_link' && r.merchantId === auto?.id);
    const old = await a.payments.createLink(row!.paymentId);
    // The order's amount changes; the manager makes a new link, and the first one stays payable.
    const crm = sandbox.retailcrm.fake;
    crm.state.editPayment(row!.paymentId, { amount: kopiyky(row!.amount - 1_000) });
    await a.orders.refresh();
    const fresh = await a.payments.createLink(row!.paymentId);
    expect(fresh.invoiceId).not.toBe(old.invoiceId);
    expect((await a.orders.row(row!.paymentId))?.invoiceId).toBe(fresh.invoiceId);

    // The customer pays from the first e-mail.
    sandbox.uapay.fake.state.pay(old.invoiceId, { card: 'success' });
    const paid = await until(
      () => crm.state.payment(row!.paymentId),
      (p) => p?.status === 'uapay-paid',
    );
    expect(paid).toMatchObject({ status: 'uapay-paid', externalId: old.invoiceId, amount: row!.amount });
  });
});
