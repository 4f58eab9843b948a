/**
 * What a manager meets in a first week with real orders: split payments, partial refund figures,
 * currency and the chosen stores, any order by number, dates in the UI language, Open in RetailCRM,
 * export, the invoice's fields, letters in the customer's language, desktop notifications, the hold
 * lifetime assumption. Each asserts what the manager sees and what RetailCRM and UAPAY received.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import type { Desk } from '../../electron/core/desk';
import type { DeskNotification } from '../../electron/shared/channels/notifications';
import { kopiyky, stillOwed, type Kopiyky } from '../../electron/shared/money';
import { holdExpiresAt } from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { amountToText } from '../../renderer/orders/orderPanel/amountText';
import {
  crmAdmin,
  crmPayment,
  demoRows,
  expectPayment,
  manualMerchant,
  money,
  openFromList,
  openMailbox,
  owingOrder,
  panel,
  panelShot,
  refundPart,
  rowsIn,
  statusMapping,
  uapayInvoice,
} from './demoShop';
import { expect, everyLook, screenshot, test, type Lang } from './fixtures';
import { dismissToasts, fill, openScreen, openSettings, ui } from './ui';

const t = ui('uk');

async function crmUrl(desk: Desk): Promise<string> {
  return (await desk.handlers['settings.get']({})).settings.retailCrm!.url;
}

/**
 * A split order: a UAPAY payment for half of what the order owes, paid on the sandbox and held;
 * the other half still owed.
 */
async function splitHeld(desk: Desk): Promise<{ row: OrderRow; owed: Kopiyky; total: Kopiyky }> {
  const order = await owingOrder(desk);
  const owed = stillOwed(kopiyky(order.totalSumm ?? 0), order.prepaySum);
  const paymentId = await payAndHold(desk, order.id, kopiyky(Math.floor(owed / 2)));
  const row = (await demoRows(desk)).find((r) => r.paymentId === paymentId)!;
  expect(row.state).toBe('held');
  return { row, owed, total: kopiyky(order.totalSumm ?? 0) };
}

/**
 * A UAPAY payment of `amount` added to the order with the manual merchant, its link paid on the
 * sandbox and the payment synced, so the desk learns of the hold: its payment id.
 */
async function payAndHold(desk: Desk, orderId: number, amount: Kopiyky): Promise<number> {
  const added = await desk.handlers['payments.add']({
    orderId,
    merchantId: await manualMerchant(desk),
    amount,
  });
  const link = await desk.handlers['payments.createLink']({ paymentId: added.paymentId });
  await payOnSandbox(link.link, link.invoiceId);
  await desk.handlers['payments.sync']({ paymentIds: [added.paymentId] });
  return added.paymentId;
}

async function payOnSandbox(link: string, invoiceId: string): Promise<void> {
  const response = await fetch(`${new URL(link).origin}/__sandbox/invoices/${invoiceId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: 'success', notify: false }),
  });
  if (!response.ok) throw new Error(`the UAPAY sandbox refused to pay: ${await response.text()}`);
}

async function uapayCalls(link: string, method: string): Promise<number> {
  const url = new URL('/__sandbox/calls', link);
  url.searchParams.set('method', method);
  return ((await (await fetch(url)).json()) as { count: number }).count;
}

function grid(page: Page, lang: Lang) {
  return page.getByRole('grid', { name: ui(lang).orders.table.label });
}

async function findOrder(page: Page, lang: Lang, number: string) {
  const tr = ui(lang);
  await openScreen(page, lang, 'orders');
  await page.getByRole('button', { name: tr.orders.refresh.more }).click();
  await page.getByRole('menuitem', { name: tr.orders.find.button }).click();
  const dialog = page.getByRole('dialog', { name: tr.orders.find.title });
  await dialog.getByRole('textbox', { name: tr.orders.find.number }).fill(number);
  await dialog.getByRole('button', { name: tr.orders.find.action }).click();
  await expect(dialog).toBeHidden();
  await expect(panel(page, lang, number)).toBeVisible();
}

test.describe("a manager's first week", () => {
  test.use({ initialSettings: { demoMode: true } });

  test('split payments: the Confirm dialog and the bulk check go by the payment’s own amount and what the order owes', async ({
    page,
    open,
    desk,
  }) => {
    test.setTimeout(120_000);
    const mapping = await statusMapping(desk);
    const single = await splitHeld(desk);
    const bulk = await splitHeld(desk);
    await open();

    // One payment: the dialog proposes its own amount, and says what the order still owes.
    await openFromList(page, 'uk', single.row.orderNumber);
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: t.actions.confirmTitle });
    const part = single.row.amount;
    await expect(dialog.getByTestId('payment-amount')).toHaveText(money(part, 'uk'));
    await expect(dialog.getByTestId('owed')).toHaveText(money(single.owed, 'uk'));
    await expect(dialog.getByTestId('confirm-words')).toHaveText(
      fill(t.actions.confirmPart, {
        amount: money(part, 'uk'),
        total: money(single.total, 'uk'),
        owed: money(single.owed, 'uk'),
      }),
    );
    await expect(dialog.getByRole('textbox', { name: t.actions.confirmAmount })).toHaveValue(
      amountToText(part, 'uk'),
    );
    await dialog
      .getByRole('button', { name: fill(t.actions.confirmButton, { amount: money(part, 'uk') }) })
      .click();
    await expect(dialog).toBeHidden();
    await expectPayment(
      desk,
      single.row.paymentId,
      { status: mapping.paid, amount: part },
      { status: 'FINISHED', amount: part },
    );
    await page.keyboard.press('Escape');

    // In bulk: the split hold goes, and its line says it is a part of the order.
    await openScreen(page, 'uk', 'orders');
    await page.getByRole('searchbox', { name: t.orders.search.label }).fill(bulk.row.orderNumber);
    await grid(page, 'uk')
      .getByRole('checkbox', { name: fill(t.orders.table.selectRow, { number: bulk.row.orderNumber }) })
      .click();
    await page
      .getByRole('region', { name: t.orders.selection.label })
      .getByRole('button', { name: t.orders.bulk.confirm })
      .click();
    const line = page.locator(`.bulk-row[data-payment-id="${bulk.row.paymentId}"]`);
    await expect(line).toContainText(t.bulk.rows.eligible.confirm);
    await expect(line).toContainText(
      fill(t.bulk.rows.part, {
        amount: money(bulk.row.amount, 'uk'),
        total: money(bulk.total, 'uk'),
        owed: money(bulk.owed, 'uk'),
      }),
    );
    expect(await uapayCalls(bulk.row.link!, 'invoicer/payments/complete')).toBe(1); // the single one only
  });

  test('a partial refund: the toast, the Activity line, its CSV and "Refunded today" say what was refunded and what remains', async ({
    page,
    open,
    desk,
  }) => {
    const [row] = await rowsIn(desk, 'paid');
    await open();
    await openFromList(page, 'uk', row!.orderNumber);
    const dialog = await refundPart(page, kopiyky(100));
    await expect(dialog).toBeHidden();
    const remains = kopiyky(row!.amount - 100);
    await expect(page.getByRole('status').filter({ hasText: money(kopiyky(100), 'uk') })).toContainText(
      fill(t.actions.done.refundPart, { amount: money(kopiyky(100), 'uk'), remaining: money(remains, 'uk') }),
    );
    await expectPayment(desk, row!.paymentId, { amount: remains }, { paymentStatus: 'RETURNED' });
    await page.keyboard.press('Escape');

    await openScreen(page, 'uk', 'activity');
    const refundLine = page.getByTestId('activity-table').locator('tbody tr').filter({
      hasText: t.activity.kinds.payment_refund,
    });
    await expect(refundLine).toContainText(money(kopiyky(100), 'uk'));
    await expect(refundLine.getByTestId('entry-remaining')).toContainText(money(remains, 'uk'));
    const csv = await desk.handlers['journal.exportCsv']({ kinds: ['payment.refund'] });
    const [header, line] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = header!.split(',');
    const cells = line!.split(',');
    expect(cells[columns.indexOf('amount_uah')]).toBe('1.00');
    expect(cells[columns.indexOf('remaining_uah')]).toBe((remains / 100).toFixed(2));
    await dismissToasts(page, 'uk');
    await screenshot(page, 'activity-partial-refund-uk-light');

    await openScreen(page, 'uk', 'orders');
    await expect(page.getByTestId('summary-refundedToday')).not.toContainText(/^\D*0\s*·/);
  });

  test('currency: an order in dollars shows its currency and is refused for links and money; the list shows only the chosen stores', async ({
    page,
    open,
    desk,
  }) => {
    const mapping = await statusMapping(desk);
    const { settings } = await desk.handlers['settings.get']({});
    const manual = settings.merchants.find((m) => m.confirmManually)!;
    const created = await crmAdmin<{ order: { id: number; number: string } }>(desk, 'orders', {
      site: 'demo-shop',
      number: 'USD-1',
      currency: 'USD',
      totalSumm: 12_345,
      firstName: 'John',
      lastName: 'Smith',
      email: 'john@example.com',
      payments: [{ type: manual.paymentTypeCode, status: mapping.no_link, amount: 12_345 }],
    });
    await desk.handlers['orders.refresh']({});
    const row = (await demoRows(desk)).find((r) => r.orderNumber === 'USD-1')!;
    expect(row.currency).toBe('USD');
    await expect(desk.handlers['payments.createLink']({ paymentId: row.paymentId })).rejects.toMatchObject({
      info: { kind: 'refused', reason: 'currency', currency: 'USD' },
    });
    expect((await crmPayment(desk, row.paymentId)).payment.externalId).toBeUndefined();

    await open();
    await page.getByRole('searchbox', { name: t.orders.search.label }).fill('USD-1');
    const line = grid(page, 'uk').getByRole('row').filter({ hasText: 'USD-1' });
    await expect(line).toContainText('123,45 $');
    await line.click();
    const p = panel(page, 'uk', 'USD-1');
    await expect(p.getByTestId('currency-note')).toHaveText(fill(t.panel.currencyText, { currency: 'USD' }));
    await expect(p.getByRole('toolbar', { name: t.actions.label })).toHaveCount(0);
    await panelShot(page, 'panel-currency-uk-light');
    await page.keyboard.press('Escape');
    expect(created.order.id).toBe(row.orderId);

    // Only the stores chosen in setup: demo-shop.
    const url = await crmUrl(desk);
    const connected = await desk.handlers['setup.retailCrm.connect']({ url, siteCodes: ['demo-shop'] });
    expect(connected.saved).toBe(true);
    await desk.handlers['orders.refresh']({});
    const rows = (await demoRows(desk)).map((r) => r.site);
    expect(new Set(rows)).toEqual(new Set(['demo-shop']));
    await page.getByRole('searchbox', { name: t.orders.search.label }).fill('');
    const sites = page.getByRole('combobox', { name: t.orders.filters.site }).locator('option');
    await expect(sites).toHaveText([t.orders.filters.allSites, 'demo-shop']);
  });

  test('any order by its number: found in RetailCRM, opened, given a UAPAY payment; Open in RetailCRM from the list and the panel', async ({
    page,
    open,
    desk,
    context,
  }) => {
    const order = await owingOrder(desk);
    const owed = stillOwed(kopiyky(order.totalSumm ?? 0), order.prepaySum);
    await open();
    await page.getByRole('searchbox', { name: t.orders.search.label }).fill(order.number);
    await expect(page.getByRole('heading', { name: t.orders.empty.noMatch.title })).toBeVisible();
    await page.getByRole('button', { name: t.orders.find.inCrm }).click();
    const dialog = page.getByRole('dialog', { name: t.orders.find.title });
    await expect(dialog.getByRole('textbox', { name: t.orders.find.number })).toHaveValue(order.number);
    await dialog.getByRole('button', { name: t.orders.find.action }).click();
    const p = panel(page, 'uk', order.number);
    await expect(p.getByTestId('order-no-uapay')).toContainText(t.panel.noUapayPayment);
    await dismissToasts(page, 'uk');
    await panelShot(page, 'panel-order-found-uk-light');

    // Open in RetailCRM: the account's own order page, in the browser.
    const crmLink = p.getByRole('link', { name: fill(t.orders.openInCrm, { number: order.number }) });
    const expected = `${await crmUrl(desk)}/orders/${order.id}/edit`;
    await expect(crmLink).toHaveAttribute('href', expected);
    await expect(crmLink).toHaveAttribute('target', '_blank');
    const [crmPage] = await Promise.all([context.waitForEvent('page'), crmLink.click()]);
    await crmPage.waitForLoadState();
    expect(crmPage.url()).toBe(expected);
    await expect(crmPage.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.number}`);
    await crmPage.close();

    // A: add a UAPAY payment for what the order owes; its own panel opens.
    await page.keyboard.press('a');
    const add = page.getByRole('dialog', { name: fill(t.actions.addTitle, { number: order.number }) });
    await add.getByRole('button', { name: fill(t.actions.addButton, { amount: money(owed, 'uk') }) }).click();
    await expect(add).toBeHidden();
    await expect(p.getByTestId('panel-state')).toContainText(t.lifecycle.no_link);
    const added = (await desk.handlers['orders.order']({ orderId: order.id })).detail.payments.find(
      (x) => x.linked,
    );
    expect(added).toMatchObject({
      amount: owed,
      type: (await desk.handlers['settings.get']({})).settings.merchants.find((m) => m.confirmManually)
        ?.paymentTypeCode,
    });
    await page.keyboard.press('Escape');

    // From the list: the row's own link to RetailCRM.
    await page.getByRole('searchbox', { name: t.orders.search.label }).fill(order.number);
    const rowLink = grid(page, 'uk').getByRole('link', {
      name: fill(t.orders.openInCrm, { number: order.number }),
    });
    await expect(rowLink).toHaveAttribute('href', expected);
  });

  test('dates are written the UI language’s way, typed or picked on the calendar', async ({ page, open }) => {
    await open();
    const from = page.getByRole('textbox', { name: t.orders.filters.dateFrom });
    await expect(from).toHaveAttribute('placeholder', 'дд.мм.рррр');
    await from.fill('01.02.2020');
    await page.getByRole('button', { name: fill(t.dates.pick, { label: t.orders.filters.dateTo }) }).click();
    const calendar = page.getByRole('dialog', { name: t.orders.filters.dateTo });
    await expect(calendar).toBeVisible();
    const monday = new Intl.DateTimeFormat('uk-UA', { weekday: 'short' }).format(new Date(2026, 10, 30));
    await expect(calendar).toContainText(monday.replace('.', ''));
    await screenshot(page, 'orders-calendar-uk-light');
    await calendar.getByRole('button').filter({ hasText: /^15$/ }).first().click();
    const to = page.getByRole('textbox', { name: t.orders.filters.dateTo });
    await expect(to).toHaveValue(/^15\.\d{2}\.\d{4}$/);
    await expect(from).toHaveValue('01.02.2020');
  });

  test('exports the filtered list as an Excel workbook and a CSV for Excel, in the UI language, amounts as numbers', async ({
    page,
    open,
    desk,
  }) => {
    await open();
    await expect(grid(page, 'uk').getByRole('row').nth(3)).toBeVisible({ timeout: 20_000 });
    await page
      .getByRole('group', { name: t.orders.chips.label })
      .getByRole('button', { name: new RegExp(t.orders.chips.held) })
      .click();
    const held = (await rowsIn(desk, 'held')).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    await expect(grid(page, 'uk')).toHaveAttribute('aria-rowcount', String(held.length + 1));

    const exportAs = async (item: string) => {
      await page.getByRole('button', { name: t.orders.refresh.more }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: item }).click(),
      ]);
      return readFile(await download.path());
    };
    const workbook = await readXlsxFile(await exportAs(t.orders.export.xlsx));
    const data = workbook[0]!.data;
    expect(data[0]!.slice(0, 6)).toEqual([
      t.orders.columns.orderNumber,
      t.orders.columns.createdAt,
      t.orders.columns.customer,
      t.orders.columns.state,
      t.orders.columns.amount,
      t.orders.columns.currency,
    ]);
    expect(data).toHaveLength(held.length + 1);
    const first = data.find((cells) => cells[0] === held[0]!.orderNumber)!;
    expect(first[3]).toBe(t.lifecycle.held);
    expect(first[4]).toBe(held[0]!.amount / 100);
    expect(first[1]).toBeInstanceOf(Date);

    const csv = (await exportAs(t.orders.export.csv)).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]!.split(';').slice(0, 5)).toEqual([
      t.orders.columns.orderNumber,
      t.orders.columns.createdAt,
      t.orders.columns.customer,
      t.orders.columns.state,
      t.orders.columns.amount,
    ]);
    expect(lines).toHaveLength(held.length + 1);
    const csvFirst = lines.find((l) => l.startsWith(`${held[0]!.orderNumber};`))!.split(';');
    expect(csvFirst[4]).toBe((held[0]!.amount / 100).toFixed(2).replace('.', ','));
    expect(csvFirst[1]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  });

  test("the invoice carries the thank-you page, the customer's e-mail and the shop; the letter goes in the store's language, or the one chosen", async ({
    page,
    open,
    desk,
  }) => {
    test.setTimeout(120_000);
    const mapping = await statusMapping(desk);
    const merchantId = await manualMerchant(desk);
    await desk.handlers['setup.merchants.update']({
      id: merchantId,
      redirectUrl: 'https://sunflower.example/thanks',
    });
    await crmAdmin(desk, 'sites', { code: 'demo-ru', name: 'Подсолнух', currency: 'UAH', language: 'ru' });
    const { settings } = await desk.handlers['settings.get']({});
    const type = settings.merchants.find((m) => m.id === merchantId)!.paymentTypeCode!;
    await crmAdmin(desk, 'orders', {
      site: 'demo-ru',
      number: 'RU-7',
      totalSumm: 45_600,
      firstName: 'Анна',
      lastName: 'Иванова',
      email: 'anna@customer.example',
      payments: [{ type, status: mapping.no_link, amount: 45_600 }],
    });
    await desk.handlers['orders.refresh']({});
    await open();
    await findOrder(page, 'uk', 'RU-7');
    const p = panel(page, 'uk', 'RU-7');
    await p.getByRole('button', { name: t.panel.openPayment }).click();
    await expect(p.getByRole('button', { name: new RegExp(t.actions.createLink) })).toBeEnabled();
    await page.keyboard.press('l');
    await expect(p.getByRole('region', { name: t.actions.linkTitle })).toBeVisible({ timeout: 30_000 });
    const row = (await demoRows(desk)).find((r) => r.orderNumber === 'RU-7')!;
    const invoice = (await uapayInvoice(row.link!, row.invoiceId!)) as unknown as Record<string, unknown>;
    expect(invoice).toMatchObject({
      amount: 45_600,
      redirectUrl: 'https://sunflower.example/thanks',
      email: 'anna@customer.example',
    });
    expect(invoice.description).toContain('RU-7');

    // The button (the link's address box may have the keys after "Generate link").
    await p.getByRole('button', { name: new RegExp(t.actions.sendLink) }).click();
    const mail = page.getByRole('dialog', { name: t.actions.emailTitle });
    const languages = mail.getByTestId('letter-language');
    await expect(languages.getByRole('radio', { name: t.actions.emailLanguages.ru })).toBeChecked();
    const preview = mail.getByRole('region', { name: t.actions.emailPreview });
    await expect(preview).toContainText('Оплата заказа №RU-7');
    await panelShot(page, 'email-language-uk-light');
    await languages.getByRole('radio', { name: t.actions.emailLanguages.en }).check();
    await expect(preview).toContainText('Payment for order #RU-7');
    await mail.getByRole('button', { name: t.actions.emailSend }).click();
    await expect(mail).toBeHidden();
    const letter = (await desk.handlers['demo.mailbox']({})).find((l) =>
      l.to.includes('anna@customer.example'),
    );
    expect(letter?.subject).toContain('Payment for order #RU-7');
    await page.keyboard.press('Escape');
    await openMailbox(page, 'uk');
    await expect(page.getByRole('article').filter({ hasText: 'anna@customer.example' })).toContainText(
      'Payment for order #RU-7',
    );
  });

  test('desktop notifications: the core tells when money is held and when a hold is ending, a click opens the order; each kind can be switched off', async ({
    page,
    open,
    desk,
  }) => {
    test.setTimeout(120_000);
    const told: DeskNotification[] = [];
    const badges: number[] = [];
    desk.events.subscribe((event, payload) => {
      if (event === 'notify.show') told.push(payload);
      if (event === 'notify.badge') badges.push(payload.held);
    });
    await open();
    await desk.workspace().notifier.idle();

    // Every hold ending within 24 hours was told once at start; the badge counts the holds.
    const { settings } = await desk.handlers['settings.get']({});
    const now = Date.now();
    const ending = (await demoRows(desk)).filter((row) => {
      const end = row.state === 'held' ? holdExpiresAt(row, settings.holdLifetimeHours) : undefined;
      return end !== undefined && end > now && end - now <= 24 * 3_600_000;
    });
    await desk.workspace().notifier.check();
    const toldEnding = told.filter((n) => n.kind === 'expiring').map((n) => n.paymentId);
    expect(ending.length).toBeGreaterThan(0);
    for (const row of ending) expect(toldEnding).toContain(row.paymentId);
    expect(new Set(toldEnding).size).toBe(toldEnding.length); // once per payment
    await expect.poll(() => badges.at(-1)).toBe((await rowsIn(desk, 'held')).length);

    // A link the desk made is paid: "money held", in the UI's language.
    const order = await owingOrder(desk);
    const added = await payAndHold(desk, order.id, kopiyky(100));
    await desk.workspace().notifier.idle();
    const held = told.find((n) => n.kind === 'held' && n.paymentId === added);
    expect(held).toMatchObject({ title: `Кошти утримано: замовлення ${order.number}` });

    // Clicking it (main emits notify.open) opens that order over the list.
    desk.events.emit('notify.open', { paymentId: added });
    await expect(panel(page, 'uk', order.number)).toBeVisible();
    await page.keyboard.press('Escape');

    // Switched off in Settings: a second hold is not told.
    await openSettings(page, 'uk', 'general');
    await page.getByRole('switch', { name: t.settings.notifications.kinds.held }).click();
    await expect
      .poll(async () => (await desk.handlers['settings.get']({})).settings.notifications.held)
      .toBe(false);
    await payAndHold(desk, (await owingOrder(desk)).id, kopiyky(100));
    await desk.workspace().notifier.idle();
    expect(told.filter((n) => n.kind === 'held').map((n) => n.paymentId)).toEqual([added]);
  });

  test('the hold lifetime shows as an assumption where the countdown is, with the way to change it', async ({
    page,
    open,
    desk,
  }) => {
    const [row] = await rowsIn(desk, 'held', true);
    await open();
    const assumed = fill(t.hold.assumed, { lifetime: fill(t.hold.lifetimeDays, { days: 7 }) });
    // In the list, each countdown's tooltip says the lifetime is assumed.
    await expect(page.locator('.countdown-cell').first()).toHaveAttribute(
      'title',
      new RegExp(fill(t.hold.assumedShort, { lifetime: fill(t.hold.lifetimeDays, { days: 7 }) })),
    );
    await openFromList(page, 'uk', row!.orderNumber);
    const facts = panel(page, 'uk', row!.orderNumber).getByTestId('payment-facts');
    await expect(facts.getByTestId('hold-assumption')).toContainText(assumed);
    await facts.getByRole('button', { name: t.hold.change }).click();
    await expect(page.getByRole('heading', { level: 2, name: t.settings.sections.general })).toBeVisible();
  });
});

/** Every new screen and state in each language and theme. */
test.describe("screenshots of a manager's first week", () => {
  test.use({ initialSettings: { demoMode: true } });

  const looks = everyLook(
    'new screens and states',
    async ({ page, open, desk, lang, scheme }) => {
      const tr = ui(lang);
      const shot = async (name: string, whole = false) => {
        await dismissToasts(page, lang);
        if (whole) await screenshot(page, `${name}-${lang}-${scheme}`);
        else await panelShot(page, `${name}-${lang}-${scheme}`);
      };
      const split = await splitHeld(desk);
      const owing = await owingOrder(desk);
      await open();
      await expect(grid(page, lang).getByRole('row').nth(3)).toBeVisible({ timeout: 20_000 });

      // The list with its export menu and the hold assumption.
      await page.getByRole('button', { name: tr.orders.refresh.more }).click();
      await expect(page.getByRole('menuitem', { name: tr.orders.export.xlsx })).toBeVisible();
      await shot('orders-menu-find-export', true);
      await page.keyboard.press('Escape');

      // The calendar in the UI's language.
      await page
        .getByRole('button', { name: fill(tr.dates.pick, { label: tr.orders.filters.dateFrom }) })
        .click();
      await expect(page.getByRole('dialog', { name: tr.orders.filters.dateFrom })).toBeVisible();
      await shot('orders-calendar', true);
      await page.keyboard.press('Escape');

      // Find an order, then the order panel without a UAPAY payment.
      await page.getByRole('button', { name: tr.orders.refresh.more }).click();
      await page.getByRole('menuitem', { name: tr.orders.find.button }).click();
      const find = page.getByRole('dialog', { name: tr.orders.find.title });
      await find.getByRole('textbox', { name: tr.orders.find.number }).fill('NO-SUCH-ORDER');
      await find.getByRole('button', { name: tr.orders.find.action }).click();
      await expect(find.getByTestId('find-none')).toBeVisible();
      await shot('find-order-none');
      await find.getByRole('textbox', { name: tr.orders.find.number }).fill(owing.number);
      await find.getByRole('button', { name: tr.orders.find.action }).click();
      await expect(panel(page, lang, owing.number).getByTestId('order-no-uapay')).toBeVisible();
      await shot('panel-order-found');
      await page.keyboard.press('Escape');

      // The Confirm dialog of a split payment.
      await openFromList(page, lang, split.row.orderNumber);
      await page.keyboard.press('c');
      await expect(
        page.getByRole('dialog', { name: tr.actions.confirmTitle }).getByTestId('confirm-words'),
      ).toBeVisible();
      await shot('confirm-split');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      // Settings → General: the notification switches.
      await openSettings(page, lang, 'general');
      await expect(page.getByRole('switch', { name: tr.settings.notifications.kinds.held })).toBeVisible();
      await shot('settings-notifications', true);
    },
    150_000,
  );
  for (const look of looks) test(...look);
});
