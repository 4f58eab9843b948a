/**
 * A new manager sets the shop up, in each language, against a sandbox this test starts (the
 * harness core sends its UAPAY calls there) and a real callback relay: RetailCRM (a wrong address,
 * a wrong key, a key without rights, then a good one with a currency warning and a store choice),
 * merchants (a wrong key first), payment types (linked, locked, created), the status mapping (a
 * status created inline), the test e-mail, relay pairing, and readiness at the end. Each step
 * checks what the settings, the keychain flags and the fakes hold, and is photographed in both
 * themes as test-results/screenshots/setup-<section>-<lang>-<theme>.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { readConfig } from '../../electron/relay/config';
import { pairNewChannel, type PairingResult } from '../../electron/relay/pairing';
import { buildRelay } from '../../electron/relay/server';
import { openStore } from '../../electron/relay/store/open';
import type { Desk } from '../../electron/core/desk';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { expect, LANGUAGES, SCHEMES, screenshot, test, type Lang } from './fixtures';
import { captureOutput, scanForSecrets } from '../support/secretScan';
import { dismissToasts, fill, openSettings, ui } from './ui';

interface TestRelay {
  pair(): Promise<PairingResult>;
  revoke(tokenId: string): Promise<boolean>;
  /** The next event stream opens this much later; resolves as it goes on. */
  delayNextStream(ms: number): Promise<void>;
  close(): Promise<void>;
}

async function startTestRelay(): Promise<TestRelay> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-setup-relay-'));
  const config = readConfig({ RELAY_DATA_DIR: dir, RELAY_HEARTBEAT_SECONDS: '1' });
  const store = await openStore(config, { watch: true });
  const relay = buildRelay({ store, config });
  let streamDelay: { ms: number; opened: () => void } | undefined;
  relay.addHook('onRequest', async (request) => {
    if (!streamDelay || !(request.headers.accept ?? '').includes('text/event-stream')) return;
    const { ms, opened } = streamDelay;
    streamDelay = undefined;
    await new Promise((resolve) => setTimeout(resolve, ms));
    opened();
  });
  await relay.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(relay.server.address() as AddressInfo).port}`;
  return {
    pair: () => pairNewChannel(store, base, 'setup test', Date.now()),
    revoke: (tokenId) => store.revokeToken(tokenId, Date.now()),
    delayNextStream: (ms) => new Promise<void>((opened) => (streamDelay = { ms, opened })),
    close: async () => {
      await relay.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// Playwright reads the fixtures a fixture needs from its destructuring pattern: none here.
/* eslint-disable no-empty-pattern */
const setup = test.extend<{ sandbox: Sandbox; relay: TestRelay }>({
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ size: 20 });
    await use(sandbox);
    await sandbox.stop();
  },
  uapayBaseUrl: async ({ sandbox }, use) => use(sandbox.uapay.url),
  relay: async ({}, use) => {
    const relay = await startTestRelay();
    await use(relay);
    await relay.close();
  },
});
/* eslint-enable no-empty-pattern */

/** The third merchant exists only for this test: UAPAY knows it, RetailCRM has no type for it yet. */
const THIRD = {
  clientId: '8003',
  secretKey: 'c2V0dXAtdGVzdC1tZXJjaGFudC1rZXktODAwMw==',
  name: 'Тест-магазин',
};
const NEW_STATUS = {
  uk: 'Оплачено через UAPAY Desk',
  ru: 'Оплачено через UAPAY Desk',
  en: 'Paid via UAPAY Desk',
};

async function shoot(page: Page, lang: Lang, name: string): Promise<void> {
  // Behind an open dialog the page is inert: its toasts were dismissed before it opened.
  if ((await page.locator('dialog[open]').count()) === 0) await dismissToasts(page, lang);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `setup-${name}-${lang}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every text the page holds, the values of its fields included: a secret must be in none of it. */
async function everything(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map(
      (field) => (field as HTMLInputElement).value,
    );
    return document.documentElement.outerHTML + values.join('\n');
  });
}

for (const lang of LANGUAGES) {
  setup(`a new manager sets up the shop (${lang})`, async ({ page, open, desk, sandbox, relay }) => {
    setup.setTimeout(300_000);
    const t = ui(lang);
    const settings = async () => desk.handlers['settings.get']({});
    const crm = sandbox.retailcrm.fake.state;
    const [manual, auto] = sandbox.uapay.merchants as [
      Sandbox['uapay']['merchants'][0],
      Sandbox['uapay']['merchants'][0],
    ];
    sandbox.uapay.fake.state.addMerchant(THIRD);
    // Every IPC reply and log line of the walk, searched for the keys at the end.
    const replies: Promise<string>[] = [];
    page.on('response', (r) => void (r.url().includes('/__desk/ipc/') && replies.push(r.text())));
    const output = captureOutput();
    await desk.handlers['settings.update']({ language: lang });
    await open();

    // ---- First run: the checklist of what is missing, then "Connect my shop".
    const checklist = page.getByTestId('readiness');
    await expect(checklist).toContainText(t.setup.checklist.gaps.retailcrm);
    await expect(checklist).toContainText(t.setup.checklist.gaps.merchant);
    await expect(checklist).toContainText(fill(t.setup.checklist.gaps.status_mapping, { count: 9 }));
    await shoot(page, lang, 'checklist');
    await page.getByRole('button', { name: t.firstRun.connectAction }).click();
    await expect(page.getByRole('heading', { level: 2, name: t.settings.sections.retailcrm })).toBeVisible();
    await expect(checklist).toContainText(t.setup.checklist.settingsTitle);

    // ---- RetailCRM: not an account, a wrong key, a key without rights, then a good key.
    const address = page.getByLabel(t.setup.retailcrm.address);
    const key = page.getByLabel(t.settings.retailcrm.apiKey);
    const connect = page.getByRole('button', { name: t.setup.retailcrm.connect });
    const report = page.getByTestId('retailcrm-check');
    await address.fill(sandbox.uapay.url);
    await key.fill(sandbox.retailcrm.apiKey);
    await connect.click();
    const host = new URL(sandbox.uapay.url).host;
    await expect(report).toContainText(fill(t.setup.retailcrm.findings.not_retailcrm, { host }));

    await address.fill(sandbox.retailcrm.url);
    await key.fill('not-the-key-of-this-account');
    await connect.click();
    await expect(report).toContainText(t.setup.retailcrm.findings.wrong_key);
    await shoot(page, lang, 'retailcrm-wrong-key');

    await key.fill(sandbox.retailcrm.limitedApiKey);
    await connect.click();
    await expect(report).toContainText(fill(t.setup.retailcrm.findings.missing_methods, { count: 4 }));
    const methods = report.getByRole('list', { name: t.setup.retailcrm.report.methodsLabel });
    await expect(methods.getByRole('listitem')).toHaveText([
      'POST /api/orders/payments/create',
      'POST /api/orders/payments/{id}/edit',
      'POST /api/reference/payment-types/{code}/edit',
      'POST /api/reference/payment-statuses/{code}/edit',
    ]);
    await expect(report).toContainText(t.setup.retailcrm.report.methodsHowTo);
    await shoot(page, lang, 'retailcrm-missing-methods');
    expect((await settings()).settings.retailCrm).toBeNull();

    // The account's base currency is USD: refused, with where to change it (the module guide
    // requires UAH). Once UAH is the base again, a store in dollars is a warning to accept.
    crm.setBaseCurrency('USD');
    crm.addSite({ code: 'demo-usd', name: 'Sunflower USD', currency: 'USD' });
    await key.fill(sandbox.retailcrm.apiKey);
    await connect.click();
    await expect(report.locator('[data-code="currency"]')).toContainText(
      fill(t.setup.retailcrm.findings.currency, { base: 'USD' }),
    );
    await shoot(page, lang, 'retailcrm-base-currency');
    expect((await settings()).settings.retailCrm).toBeNull();
    crm.setBaseCurrency('UAH');
    await connect.click();
    await expect(report.locator('[data-code="site_currency"]')).toContainText(
      fill(t.setup.retailcrm.findings.site_currency, { sites: 'demo-usd' }),
    );
    await expect(report.getByRole('checkbox', { name: 'demo-usd' })).toBeChecked();
    await shoot(page, lang, 'retailcrm-warnings');
    expect((await settings()).settings.retailCrm).toBeNull();
    // Dollars are no use to UAPAY: that store goes.
    await report.getByRole('checkbox', { name: 'demo-usd' }).uncheck();
    await connect.click();
    await expect(report).toContainText(t.setup.retailcrm.report.saved);
    await expect(page.getByTestId('retailcrm-connection')).toContainText('demo-shop, demo-outlet');
    const afterCrm = await settings();
    expect(afterCrm.settings.retailCrm).toMatchObject({
      url: sandbox.retailcrm.url,
      siteCodes: ['demo-shop', 'demo-outlet'],
      lastCheck: { baseCurrency: 'UAH', acceptedWarnings: [] },
    });
    expect(afterCrm.secrets.retailCrmApiKey).toBe(true);
    await expect(key).toBeHidden(); // write-only: "saved", with Replace
    await expect(page.getByTestId('secret-state')).toHaveText(t.setup.secret.saved);
    expect(await everything(page)).not.toContain(sandbox.retailcrm.apiKey);
    await shoot(page, lang, 'retailcrm-connected');

    // ---- Merchants: the checklist leads there; a wrong key is found before saving.
    await checklist.getByRole('button', { name: t.settings.sections.merchants }).click();
    await expect(page.getByRole('heading', { level: 2, name: t.settings.sections.merchants })).toBeVisible();
    const addMerchant = async (
      merchant: typeof THIRD,
      options: { auto?: boolean; wrongKeyFirst?: boolean },
    ) => {
      await dismissToasts(page, lang);
      await page.getByRole('button', { name: t.setup.merchants.add }).click();
      const dialog = page.getByRole('dialog', { name: t.setup.merchants.addTitle });
      await dialog.getByLabel(t.setup.merchants.name, { exact: true }).fill(merchant.name);
      await dialog.getByLabel(t.setup.merchants.clientId, { exact: true }).fill(merchant.clientId);
      await dialog.getByLabel(t.setup.merchants.environment).selectOption('test');
      const secret = dialog.getByLabel(t.setup.merchants.secretKey, { exact: true });
      if (options.auto) await dialog.getByRole('switch', { name: t.setup.merchants.confirmManually }).click();
      if (options.wrongKeyFirst) {
        await secret.fill('d3Jvbmcta2V5LW9mLXRoaXMtbWVyY2hhbnQ=');
        await dialog.getByRole('button', { name: t.setup.merchants.checkConnection }).click();
        const outcome = dialog.getByTestId('merchant-check');
        await expect(outcome).toHaveAttribute('data-outcome', 'key');
        await expect(outcome).toContainText(
          fill(t.setup.merchants.check.key, { clientId: merchant.clientId }),
        );
        await shoot(page, lang, 'merchants-wrong-key');
        await secret.fill(merchant.secretKey);
        await dialog.getByRole('button', { name: t.setup.merchants.checkConnection }).click();
        await expect(outcome).toHaveAttribute('data-outcome', 'ok');
      } else await secret.fill(merchant.secretKey);
      await dialog.getByRole('button', { name: t.common.save }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('article', { name: merchant.name })).toBeVisible();
    };
    await addMerchant(manual, { wrongKeyFirst: true });
    await addMerchant(auto, { auto: true });
    await addMerchant(THIRD, {});
    const autoCard = page.getByRole('article', { name: auto.name });
    await autoCard.getByRole('button', { name: t.setup.merchants.checkConnection }).click();
    await expect(autoCard.getByTestId('merchant-check')).toHaveAttribute('data-outcome', 'ok');
    await expect(autoCard).toContainText(t.setup.merchants.modeAuto);
    const afterMerchants = await settings();
    expect(
      afterMerchants.settings.merchants.map((m) => [m.name, m.clientId, m.environment, m.confirmManually]),
    ).toEqual([
      [manual.name, '8001', 'test', true],
      [auto.name, '8002', 'test', false],
      [THIRD.name, '8003', 'test', true],
    ]);
    expect(Object.values(afterMerchants.secrets.merchantKeys)).toEqual([true, true, true]);
    const page1 = await everything(page);
    for (const secret of [manual.secretKey, auto.secretKey, THIRD.secretKey])
      expect(page1).not.toContain(secret);
    await shoot(page, lang, 'merchants');

    // ---- Payment types: the two seeded types (payments exist: locked at once), a new one for the third.
    await openSettings(page, lang, 'paymentTypes');
    const linkTo = async (name: string, code: string) => {
      const panel = page.getByRole('region', { name, exact: true });
      await panel.getByLabel(t.setup.paymentTypes.choose).selectOption(code);
      await panel.getByRole('button', { name: t.setup.paymentTypes.link, exact: true }).click();
      await expect(panel).toContainText(t.setup.paymentTypes.lockedText);
    };
    await linkTo(manual.name, 'uapay-manual');
    await linkTo(auto.name, 'uapay-auto');
    const third = page.getByRole('region', { name: THIRD.name, exact: true });
    await third.getByRole('button', { name: t.setup.paymentTypes.createOpen }).click();
    const form = third.getByRole('group', { name: t.setup.paymentTypes.createTitle });
    await expect(form.getByLabel(t.setup.paymentTypes.newName, { exact: true })).toHaveValue(
      fill(t.setup.paymentTypes.newNameDefault, { name: THIRD.name }),
    );
    await form.getByLabel(t.setup.paymentTypes.newCode, { exact: true }).fill('cash');
    await form.getByRole('button', { name: t.setup.paymentTypes.create }).click();
    await expect(form.getByLabel(t.setup.paymentTypes.newCode, { exact: true })).toHaveAccessibleDescription(
      new RegExp(`^${escape(t.setup.issues.paymentType.exists)}`),
    );
    await shoot(page, lang, 'payment-types-exists');
    await form.getByLabel(t.setup.paymentTypes.newCode, { exact: true }).fill('uapay-desk-test');
    await form.getByRole('checkbox', { name: 'demo-outlet' }).uncheck();
    await form.getByRole('button', { name: t.setup.paymentTypes.create }).click();
    await expect(third).toContainText(
      fill(t.setup.paymentTypes.linkedTo, {
        type: `${fill(t.setup.paymentTypes.newNameDefault, { name: THIRD.name })} (uapay-desk-test)`,
      }),
    );
    await shoot(page, lang, 'payment-types');
    expect(
      (await settings()).settings.merchants.map((m) => [m.paymentTypeCode, m.paymentTypeLocked]),
    ).toEqual([
      ['uapay-manual', true],
      ['uapay-auto', true],
      ['uapay-desk-test', false],
    ]);
    expect(crm.refs.paymentTypes.get('uapay-desk-test')).toMatchObject({
      name: fill(t.setup.paymentTypes.newNameDefault, { name: THIRD.name }),
      active: true,
      sites: ['demo-shop'],
    });

    // ---- Status mapping: suggestions preselected, a new status created inline, all mapped to save.
    await checklist.getByRole('button', { name: t.settings.sections.statuses }).click();
    await expect(page.getByRole('heading', { level: 2, name: t.settings.sections.statuses })).toBeVisible();
    await expect(page.getByTestId('status-mapping')).toContainText(t.setup.statuses.notMapped);
    await dismissToasts(page, lang);
    await page.getByRole('button', { name: t.setup.statuses.setUp }).click();
    const dialog = page.getByRole('dialog', { name: t.setup.statuses.dialogTitle });
    const select = (state: string) =>
      dialog.getByLabel(t.lifecycle[state as keyof typeof t.lifecycle], { exact: true });
    await expect(select('held')).toHaveValue('uapay-held');
    await expect(select('no_link')).toHaveValue('not-paid');
    await dialog.locator('[data-state="paid"]').getByRole('button', { name: t.setup.statuses.add }).click();
    const newStatus = dialog.getByRole('group', {
      name: fill(t.setup.statuses.newTitle, { state: t.lifecycle.paid }),
    });
    await newStatus.getByLabel(t.setup.statuses.newName).fill(NEW_STATUS[lang]);
    await newStatus.getByLabel(t.setup.statuses.newCode, { exact: true }).fill('desk-paid');
    await shoot(page, lang, 'statuses-dialog');
    await newStatus.getByRole('button', { name: t.setup.statuses.create, exact: true }).click();
    await expect(select('paid')).toHaveValue('desk-paid');
    await select('expired').selectOption('');
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(select('expired')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText(fill(t.setup.statuses.missing, { states: t.lifecycle.expired }));
    await shoot(page, lang, 'statuses-invalid');
    await select('expired').selectOption('uapay-expired');
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('mapping-warnings')).toBeVisible();
    expect((await settings()).settings.statusMapping).toEqual({
      no_link: 'not-paid',
      link_sent: 'invoice',
      held: 'uapay-held',
      paid: 'desk-paid',
      failed: 'uapay-failed',
      rejected: 'uapay-rejected',
      expired: 'uapay-expired',
      refunded: 'returned',
      partially_refunded: 'uapay-partially-refunded',
    });
    expect(crm.refs.paymentStatuses.get('desk-paid')).toMatchObject({
      name: NEW_STATUS[lang],
      active: true,
      paymentComplete: true,
    });
    expect(crm.refs.typesOfStatus('desk-paid').sort()).toEqual([
      'uapay-auto',
      'uapay-desk-test',
      'uapay-manual',
    ]);

    // ---- Ready: nothing missing, the checklist is gone.
    await expect(checklist).toBeHidden();
    expect(await desk.handlers['setup.readiness']({})).toEqual({ ready: true, missing: [] });
    await shoot(page, lang, 'statuses');

    await sendTestMail(page, lang, sandbox);
    const relayToken = await pairRelay(page, lang, relay, desk);

    // ---- The computer's clock goes off by a minute: UAPAY refuses, and the check says why.
    sandbox.clock.advance(60_000);
    await openSettings(page, lang, 'merchants');
    const manualCard = page.getByRole('article', { name: manual.name });
    await manualCard.getByRole('button', { name: t.setup.merchants.checkConnection }).click();
    await expect(manualCard.getByTestId('merchant-check')).toHaveAttribute('data-outcome', 'clock');
    await expect(manualCard).toContainText(t.setup.merchants.check.clock);
    await shoot(page, lang, 'merchants-clock');

    // ---- No key the walk used is in the user-data folder, an IPC reply or a log line.
    output.stop();
    const keys = [sandbox.retailcrm.apiKey, sandbox.retailcrm.limitedApiKey, relayToken];
    keys.push(manual.secretKey, auto.secretKey, THIRD.secretKey);
    const texts = [...(await Promise.all(replies)), ...output.lines];
    expect(replies.length).toBeGreaterThan(20);
    expect(scanForSecrets([desk.userDataDir], texts, keys)).toEqual([]);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The sender is saved; the server refuses once (its own words are shown), then the letter arrives. */
async function sendTestMail(page: Page, lang: Lang, sandbox: Sandbox): Promise<void> {
  const t = ui(lang);
  await openSettings(page, lang, 'email');
  await page.getByLabel(t.settings.email.host).fill('127.0.0.1');
  await page.getByLabel(t.settings.email.port).fill(String(sandbox.mail.smtpPort));
  await page.getByLabel(t.settings.email.fromAddress).fill('shop@sunflower.example');
  await page.getByLabel(t.settings.email.fromName).fill('Sunflower');
  await page.getByRole('button', { name: t.common.save }).click();
  const to = page.getByLabel(t.setup.email.testTo);
  await expect(to).toHaveValue('shop@sunflower.example');
  await to.fill('manager@sunflower.example');
  sandbox.mail.catcher.setFault('reject');
  await page.getByRole('button', { name: t.setup.email.testSend }).click();
  const refusal = page.getByRole('alert').filter({ hasText: t.errors.mail.rejected });
  await expect(refusal).toBeVisible();
  await expect(refusal.locator('blockquote')).not.toBeEmpty();
  await shoot(page, lang, 'email-test-failed');
  sandbox.mail.catcher.setFault(null);
  await page.getByRole('button', { name: t.setup.email.testSend }).click();
  await expect(page.getByTestId('smtp-test-sent')).toContainText(
    fill(t.setup.email.testSent, { to: 'manager@sunflower.example' }),
  );
  const letter = await sandbox.mail.catcher.waitFor(
    (message) => message.to.some((address) => address.includes('manager@sunflower.example')),
    5000,
  );
  expect(letter).toBeDefined();
  await shoot(page, lang, 'email-test-sent');
}

/** A bad code first, then the relay's own code: connected, counts live, revoked, unpaired. */
async function pairRelay(page: Page, lang: Lang, relay: TestRelay, desk: Desk): Promise<string> {
  const t = ui(lang);
  await openSettings(page, lang, 'relay');
  await expect(page.getByText(t.relay.why)).toBeVisible();
  const code = page.getByLabel(t.relay.code);
  await code.fill('https://relay.example.com/pair?code=123');
  await page.getByRole('button', { name: t.relay.pair, exact: true }).click();
  await expect(code).toHaveAccessibleDescription(new RegExp(`^${escape(t.relay.pairing.prefix)}`));
  await shoot(page, lang, 'relay-bad-code');

  // The stream's state reaches the page two ways, events and replies, that keep no order between
  // them: a reply written while the stream was still connecting, arriving after the event that
  // said it is up, must not undo that event. So the relay opens the stream a second late, and the
  // replies the core writes meanwhile (the pairing's, any status read) reach the page only once it
  // has shown the stream up.
  const pairing = await relay.pair();
  const state = page.getByTestId('relay-state');
  const streamOpened = relay.delayNextStream(1000);
  const replies = /\/__desk\/ipc\/relay\.(pair|status)$/;
  let up = false;
  let showUp = () => {};
  const shownUp = new Promise<void>((resolve) => (showUp = resolve));
  const heldBack: Promise<unknown>[] = [];
  await page.route(replies, async (route) => {
    const reply = await route.fetch(); // written by the core now
    if (!up) {
      heldBack.push(page.waitForEvent('requestfinished', (request) => request === route.request()));
      await shownUp;
    }
    await route.fulfill({ response: reply });
  });
  await code.fill(pairing.pairingCode);
  await page.getByRole('button', { name: t.relay.pair, exact: true }).click();
  await streamOpened;
  await expect(state).toHaveAttribute('data-state', 'connected');
  up = true;
  showUp();
  expect(heldBack.length).toBeGreaterThan(0);
  await Promise.all(heldBack);
  await page.unroute(replies);
  // The page has the late replies; a frame and a task later it shows whatever it made of them.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await expect(state).toHaveAttribute('data-state', 'connected');
  const { settings, secrets } = await desk.handlers['settings.get']({});
  expect(settings.relay).toEqual({ callbackUrl: pairing.callbackUrl, eventsUrl: pairing.eventsUrl });
  expect(secrets.relayToken).toBe(true);
  expect(await everything(page)).not.toContain(pairing.token);

  // A callback no merchant key signed: received, and dropped as forged.
  const token = await new SignJWT({ invoiceId: 'forged' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .sign(new TextEncoder().encode('not-a-merchant-key-at-all'));
  const posted = await fetch(pairing.callbackUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(posted.status).toBe(200);
  await expect(page.locator('[data-count="received"] dd')).toHaveText('1');
  await expect(page.locator('[data-count="forged"] dd')).toHaveText('1');
  await shoot(page, lang, 'relay-connected');

  await relay.revoke(pairing.tokenId);
  await expect(state).toHaveAttribute('data-state', 'unauthorized');
  await expect(page.getByRole('heading', { name: t.relay.repairTitle })).toBeVisible();
  await shoot(page, lang, 'relay-unauthorized');

  await page.getByRole('button', { name: t.relay.unpair }).click();
  await page
    .getByRole('dialog', { name: t.relay.unpairTitle })
    .getByRole('button', { name: t.relay.unpair })
    .click();
  await expect(page.getByText(t.relay.why)).toBeVisible();
  expect((await desk.handlers['settings.get']({})).settings.relay).toBeNull();
  return pairing.token;
}
