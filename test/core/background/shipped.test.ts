/**
 * What ships is what is tested: the core built exactly as electron/main builds it (app.ts: names,
 * the user-data folder, `shell: 'electron'`, nothing else), the keys in memory and UAPAY at the
 * sandbox being the only substitutions. No test here calls a channel that makes the core look at
 * anything: the background round has to do it by itself.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKGROUND, type BackgroundTiming } from '../../../electron/core/background/round';
import { memoryKeychain } from '../../../electron/core/demo/memoryKeychain';
import { createDesk, type Desk } from '../../../electron/core/desk';
import { JOURNAL_FILE } from '../../../electron/core/journal/journal';
import { merchantKeyAccount, RETAILCRM_API_KEY } from '../../../electron/core/secrets/accounts';
import type { SecretStore } from '../../../electron/core/secrets/keychain';
import { AUTO_MERCHANT } from '../../../electron/sandbox/seed';
import { JOURNAL_STEPS } from '../../../electron/shared/journalSteps';
import { kopiyky } from '../../../electron/shared/money';
import { crashAtStep } from '../../support/crashChild';
import { openShop, STATUS_MAPPING, type Shop } from '../bulk/support';

let shop: Shop | undefined;
const desks: Desk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
  await shop?.close();
  shop = undefined;
});

/** The shop's keys as account → value, as a person's keychain holds them. */
function keysOf(shop: Shop): Record<string, string> {
  const { secrets } = shop.sandbox;
  return {
    [RETAILCRM_API_KEY]: secrets.retailCrmApiKey,
    ...Object.fromEntries(
      Object.entries(secrets.merchantKeys).map(([id, key]) => [merchantKeyAccount(id), key]),
    ),
  };
}

/** `startApp`'s options, plus the two substitutions and (for the one test that says so) a timing. */
function shippedDesk(shop: Shop, keychain: SecretStore, background?: BackgroundTiming): Desk {
  const desk = createDesk({
    appName: 'UAPAY Desk',
    appVersion: '0.1.0',
    userDataDir: shop.dir,
    shell: 'electron',
    secrets: keychain,
    uapayBaseUrl: shop.sandbox.uapay.url,
    ...(background && { background }),
  });
  desks.push(desk);
  return desk;
}

async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A shop on the sandbox, its keys in a memory keychain that the desk then uses. */
async function shopWithKeychain(): Promise<{ shop: Shop; keychain: SecretStore }> {
  const keychain = memoryKeychain();
  shop = await openShop({ secretStore: keychain });
  return { shop, keychain };
}

/** An order whose automatic (PAY) link was sent and not paid yet, as both fakes record it. */
function linkSent(shop: Shop, number: string, amount: number) {
  const invoice = shop.sandbox.uapay.fake.state.createInvoice(AUTO_MERCHANT.clientId, {
    type: 'PAY',
    amount,
    externalId: number,
    description: `Order ${number}`,
  });
  const crm = shop.sandbox.retailcrm.fake.state;
  const order = crm.addOrder({
    site: 'demo-shop',
    number,
    totalSumm: kopiyky(amount),
    firstName: 'Марія',
    lastName: 'Покупець',
    email: 'buyer@example.com',
    payments: [
      {
        type: AUTO_MERCHANT.paymentTypeCode,
        status: STATUS_MAPPING.link_sent,
        amount: kopiyky(amount),
        externalId: invoice.id,
        comment: `UAPAY: ${invoice.paymentPageUrl}`,
      },
    ],
  });
  const payment = crm.paymentsOf(order.id)[0]!;
  return { invoice, paymentId: payment.id };
}

/** The customer pays on the sandbox's hosted page with the test card that succeeds. */
async function payOnHostedPage(pageUrl: string): Promise<void> {
  const reply = await fetch(pageUrl, {
    method: 'POST',
    body: new URLSearchParams({ pan: '4111 1111 1111 1111', expiry: '12/40', cvv: '123' }),
    redirect: 'manual',
  });
  expect(reply.status, await reply.text()).toBe(303);
}

/** A manager gives an existing order a payment of the automatic merchant's type in RetailCRM. */
function givenUapayPayment(shop: Shop, number: string): number {
  const crm = shop.sandbox.retailcrm.fake.state;
  const order = crm.addOrder({
    site: 'demo-shop',
    number,
    totalSumm: kopiyky(12_300),
    firstName: 'Петро',
    lastName: 'Новий',
    email: 'new@example.com',
  });
  return crm.createPayment({ orderId: order.id, type: AUTO_MERCHANT.paymentTypeCode }).id;
}

async function listed(desk: Desk, paymentId: number): Promise<boolean> {
  return (await desk.handlers['orders.list']({})).rows.some((row) => row.paymentId === paymentId);
}

describe('the core as main builds it', () => {
  it('finishes at start an operation a killed process left open, and schedules the next round at the shipped interval', async () => {
    const { shop, keychain } = await shopWithKeychain();
    const held = shop.held({ amount: 42_000 });
    // RetailCRM takes no edit after the child's lock on the payment: the child has captured and
    // waits on the write of the result when it is killed.
    shop.sandbox.retailcrm.fake.control.injectFault({
      route: 'orders/payments/{id}/edit',
      kind: 'hang',
      times: 100,
      skip: 1,
    });
    await crashAtStep({
      fixture: path.join(import.meta.dirname, 'fixtures/deskInChild.ts'),
      env: {
        DESK_DIR: shop.dir,
        DESK_UAPAY_URL: shop.sandbox.uapay.url,
        DESK_SECRETS: JSON.stringify(keysOf(shop)),
        DESK_PAYMENT_ID: String(held.paymentId),
      },
      journalFile: path.join(shop.dir, JOURNAL_FILE),
      step: JOURNAL_STEPS.uapayConfirmed,
    });
    shop.sandbox.retailcrm.fake.control.clearFaults();
    expect(shop.uapayStatus(held)).toBe('FINISHED');
    expect(shop.crmStatus(held)).toBe(STATUS_MAPPING.held);

    const desk = shippedDesk(shop, keychain);
    await until('RetailCRM shows the payment paid', () => shop.crmStatus(held) === STATUS_MAPPING.paid);
    expect(shop.crmAmount(held)).toBe(42_000);
    expect(shop.calls('complete', held)).toBe(1);
    const ws = desk.workspace();
    expect(await ws.journal.inFlight(held.paymentId)).toBeUndefined();
    const [confirm] = await ws.journal.list({ paymentId: held.paymentId });
    expect(confirm).toMatchObject({ kind: 'payment.confirm', outcome: 'reconciled' });

    const status = await until('the first round has ended', () => {
      const now = ws.background.status();
      return now.lastRoundAt && !now.running ? now : undefined;
    });
    expect(status).toMatchObject({
      state: 'ok',
      roundMs: DEFAULT_BACKGROUND.syncMs,
      refreshMs: DEFAULT_BACKGROUND.refreshMs,
    });
    const wait = Date.parse(status.nextRoundAt!) - Date.parse(status.lastRoundAt!);
    expect(wait).toBeGreaterThanOrEqual(DEFAULT_BACKGROUND.syncMs - 50);
    expect(wait).toBeLessThanOrEqual(DEFAULT_BACKGROUND.syncMs + 50);
  });

  it('at start, writes a payment made while the app was closed and lists a payment added meanwhile', async () => {
    const { shop, keychain } = await shopWithKeychain();
    const { invoice, paymentId } = linkSent(shop, '7001B', 25_500);
    // An earlier run: the list is cached, the link watched.
    const first = shippedDesk(shop, keychain);
    await until('the first run listed the link', () => listed(first, paymentId));
    await until('the first run finished its round', () => first.workspace().background.status().lastRoundAt);
    await first.close();
    desks.splice(desks.indexOf(first), 1);

    await payOnHostedPage(invoice.paymentPageUrl);
    const added = givenUapayPayment(shop, '7002B');

    const desk = shippedDesk(shop, keychain);
    await until(
      'RetailCRM shows the payment paid',
      () => shop.sandbox.retailcrm.fake.state.payment(paymentId)?.status === STATUS_MAPPING.paid,
    );
    await until('the new payment is listed', () => listed(desk, added));
  });

  it('while running, writes a payment made on the hosted page and lists a payment a manager added', async () => {
    const { shop, keychain } = await shopWithKeychain();
    const { invoice, paymentId } = linkSent(shop, '7003B', 31_000);
    // The one substitution of timing: the option main leaves unset, so the test takes seconds.
    const desk = shippedDesk(shop, keychain, { syncMs: 200, refreshMs: 500 });
    await until('the link is listed', () => listed(desk, paymentId));

    await payOnHostedPage(invoice.paymentPageUrl);
    await until(
      'RetailCRM shows the payment paid',
      () => shop.sandbox.retailcrm.fake.state.payment(paymentId)?.status === STATUS_MAPPING.paid,
    );
    expect(shop.sandbox.retailcrm.fake.state.payment(paymentId)?.amount).toBe(31_000);

    const added = givenUapayPayment(shop, '7004B');
    await until('the new payment is listed', () => listed(desk, added));
  });
});
