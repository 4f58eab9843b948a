/**
 * The Demo shop as the panel, Activity and mailbox tests use it: payments by state, a journal
 * entry to reach a payment from the Activity screen, the panel opened from there, and what the
 * fakes hold afterwards (RetailCRM through the core's fresh `orders.get`, UAPAY through the
 * sandbox's admin API at the payment link's origin).
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Desk } from '../../electron/core/desk';
import type { LifecycleState } from '../../electron/shared/lifecycle';
import { kopiyky, type Kopiyky } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';
import { amountToText } from '../../renderer/orders/orderPanel/amountText';
import { SCREENSHOTS } from '../playwright.config';
import { expect, type Lang } from './fixtures';
import { fill, openScreen, ui } from './ui';

export const TEST_CARD = '4111 1111 1111 1111';

export async function demoRows(desk: Desk): Promise<OrderRow[]> {
  return (await desk.handlers['orders.list']({})).rows;
}

/** The Demo merchant with "Confirm manually" on: its links make holds. */
export async function manualMerchant(desk: Desk): Promise<string> {
  const { settings } = await desk.handlers['settings.get']({});
  const merchant = settings.merchants.find((m) => m.confirmManually);
  if (!merchant) throw new Error('the Demo shop has no merchant with "Confirm manually"');
  return merchant.id;
}

/** Seeded rows in a state, largest first (partial amounts then have room); `manual`: holds only. */
export async function rowsIn(desk: Desk, state: LifecycleState, manual = false): Promise<OrderRow[]> {
  const merchantId = manual ? await manualMerchant(desk) : undefined;
  const rows = (await demoRows(desk)).filter(
    (row) => row.state === state && (!merchantId || row.merchantId === merchantId),
  );
  if (rows.length === 0) throw new Error(`the Demo shop has no ${state} payment`);
  return rows.sort((a, b) => b.amount - a.amount);
}

/**
 * A journal entry for a payment whose link is live, that leaves its state as it is (the link
 * e-mailed to the shop itself), so the Activity screen lists it and opens its panel.
 */
export async function touch(desk: Desk, row: OrderRow): Promise<void> {
  await desk.handlers['payments.sendLink']({ paymentId: row.paymentId, to: 'manager@shop.example' });
}

/** The Demo RetailCRM's admin API (the sandbox's, beside its API). */
export async function crmAdmin<T>(desk: Desk, route: string, body: unknown): Promise<T> {
  const { settings } = await desk.handlers['settings.get']({});
  const response = await fetch(`${settings.retailCrm!.url}/__sandbox/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`the RetailCRM sandbox refused ${route}: ${await response.text()}`);
  return (await response.json()) as T;
}

let ordersMade = 0;

/** A new order in the Demo RetailCRM with nothing paid and no payment: the test has it to itself. */
export async function owingOrder(
  desk: Desk,
  total = 2_500_00,
): Promise<{ id: number; number: string; totalSumm: Kopiyky; prepaySum: Kopiyky; email: string }> {
  ordersMade += 1;
  const number = `T${process.pid % 1000}-${ordersMade}`;
  const email = `buyer${ordersMade}@customer.example`;
  const { order } = await crmAdmin<{ order: { id: number } }>(desk, 'orders', {
    site: 'demo-shop',
    number,
    totalSumm: total,
    firstName: 'Марія',
    lastName: 'Коваленко',
    email,
  });
  return { id: order.id, number, totalSumm: kopiyky(total), prepaySum: kopiyky(0), email };
}

/**
 * "Add UAPAY payment" (through the core) to a new order that owes money, for what it owes, with
 * the manual merchant: a fresh no_link payment, journaled, on an order the test has to itself.
 */
export async function addPayment(desk: Desk): Promise<OrderRow> {
  const merchantId = await manualMerchant(desk);
  const order = await owingOrder(desk);
  const added = await desk.handlers['payments.add']({
    orderId: order.id,
    merchantId,
    amount: order.totalSumm,
  });
  const row = (await demoRows(desk)).find((r) => r.paymentId === added.paymentId);
  if (!row) throw new Error(`the added payment of order ${order.number} is not in the list`);
  return row;
}

/** Activity → search the order → its order button: the panel opens (a real way to reach it). */
export async function openFromActivity(page: Page, lang: Lang, orderNumber: string): Promise<void> {
  const t = ui(lang);
  await openScreen(page, lang, 'activity');
  await page.getByRole('searchbox', { name: t.activity.search }).fill(orderNumber);
  await page
    .getByTestId('activity-table')
    .getByRole('button', { name: fill(t.activity.openOrder, { number: orderNumber }), exact: true })
    .first()
    .click();
  await expect(panel(page, lang, orderNumber)).toBeVisible();
  await expect(panel(page, lang, orderNumber).getByTestId('payment-facts')).toBeVisible();
}

/** Opens an order's panel from the orders list, found by its number in the search box. */
export async function openFromList(page: Page, lang: Lang, orderNumber: string): Promise<void> {
  const t = ui(lang);
  await openScreen(page, lang, 'orders');
  await page.getByRole('searchbox', { name: t.orders.search.label }).fill(orderNumber);
  // The search finds every number that contains the one typed (`8A` also finds `58A`, `18A`):
  // the row is the one whose number cell is this number.
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: orderNumber, exact: true }) })
    .first()
    .click();
  await expect(panel(page, lang, orderNumber)).toBeVisible();
  await expect(panel(page, lang, orderNumber).getByTestId('payment-facts')).toBeVisible();
}

export function panel(page: Page, lang: Lang, orderNumber: string) {
  return page.getByRole('dialog', { name: fill(ui(lang).panel.title, { number: orderNumber }) });
}

export async function openMailbox(page: Page, lang: Lang): Promise<void> {
  const t = ui(lang);
  await page
    .getByRole('navigation', { name: t.nav.label })
    .getByRole('button', { name: t.mailbox.nav })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t.mailbox.title })).toBeVisible();
}

/** The RetailCRM payment as RetailCRM has it now (orders.get reads the order fresh). */
export async function crmPayment(desk: Desk, paymentId: number) {
  const { detail, row } = await desk.handlers['orders.get']({ paymentId });
  const payment = detail.payments.find((p) => p.id === paymentId);
  if (!payment) throw new Error(`RetailCRM has no payment ${paymentId}`);
  return { payment, row };
}

/**
 * What RetailCRM and UAPAY hold for the payment now: RetailCRM's payment matches `crm` and UAPAY's
 * matches `uapay`. Both records, for anything more a test looks at.
 */
export async function expectPayment(
  desk: Desk,
  paymentId: number,
  crm: Record<string, unknown>,
  uapay: Partial<SandboxPayment>,
): Promise<{ payment: CrmPayment; row: OrderRow; uapay: SandboxPayment }> {
  const { payment, row } = await crmPayment(desk, paymentId);
  expect(payment).toMatchObject(crm);
  const held = await uapayPayment(row);
  expect(held).toMatchObject(uapay);
  return { payment, row, uapay: held };
}

type CrmPayment = Awaited<ReturnType<typeof crmPayment>>['payment'];

export async function statusMapping(desk: Desk) {
  return (await desk.handlers['settings.get']({})).settings.statusMapping;
}

interface SandboxPayment {
  paymentId: string;
  amount: number;
  status: string;
  paymentStatus: string;
}

/** UAPAY's own view of the invoice (the sandbox's admin API at the link's origin). */
export async function uapayInvoice(link: string, invoiceId: string) {
  const response = await fetch(`${new URL(link).origin}/__sandbox/invoices/${invoiceId}`);
  if (!response.ok) throw new Error(`the UAPAY sandbox answered ${response.status}`);
  return (await response.json()) as { amount: number; payments: SandboxPayment[] };
}

/** UAPAY's payment of an invoice: the approved one (the last attempt). */
export async function uapayPayment(row: OrderRow): Promise<SandboxPayment> {
  if (!row.link || !row.invoiceId) throw new Error(`payment ${row.paymentId} has no UAPAY invoice`);
  const invoice = await uapayInvoice(row.link, row.invoiceId);
  const payment = invoice.payments.at(-1);
  if (!payment) throw new Error(`UAPAY invoice ${row.invoiceId} has no payment`);
  return payment;
}

/** A UAPAY fault for the next matching call (the sandbox's admin API). */
export async function injectFault(link: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${new URL(link).origin}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`the UAPAY sandbox refused the fault: ${await response.text()}`);
}

/**
 * In the open panel: R, "Part of it", `amount` typed as a Ukrainian manager types it, then the
 * Refund button that names it. The refund dialog.
 */
export async function refundPart(page: Page, amount: Kopiyky): Promise<Locator> {
  const t = ui('uk');
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: t.actions.refundTitle });
  await dialog.getByRole('radio', { name: t.actions.refundPartial }).check();
  await dialog.getByRole('textbox', { name: t.actions.refundAmount }).fill(amountToText(amount, 'uk'));
  await dialog
    .getByRole('button', { name: fill(t.actions.refundButton, { amount: money(amount, 'uk') }) })
    .click();
  return dialog;
}

/**
 * A screenshot of the panel (or the dialog over it) in full: the window is made as tall as the
 * panel's scrolled content, or the dialog's, so nothing is hidden below the fold.
 */
export async function panelShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  const hidden = await page.evaluate(() => {
    const overflow = (el: Element | null) => (el ? Math.max(0, el.scrollHeight - el.clientHeight) : 0);
    const dialog = document.querySelector('dialog[open]');
    return Math.max(overflow(document.querySelector('.order-panel-body')), overflow(dialog));
  });
  if (size && hidden > 0)
    await page.setViewportSize({ width: size.width, height: size.height + hidden + 64 });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    animations: 'disabled',
    caret: 'hide',
  });
  if (size && hidden > 0) await page.setViewportSize(size);
}

const LOCALES: Record<Lang, string> = { uk: 'uk-UA', ru: 'ru-UA', en: 'en-GB' };

/**
 * An amount as the page writes it (renderer/i18n/money.ts cannot be loaded here: its module
 * imports the catalogues without JSON import attributes, which Playwright's loader requires).
 */
export function money(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'UAH',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
  }).format(`${amount}e-2` as unknown as number);
}
