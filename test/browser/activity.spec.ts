import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Desk } from '../../electron/core/desk';
import type { OrderRow } from '../../electron/shared/orders';
import { injectFault, money, rowsIn, touch, uapayPayment } from './demoShop';
import { expect, everyLook, screenshot, test } from './fixtures';
import { dismissToasts, openScreen, ui } from './ui';

const t = ui('uk');
const REFUSAL = 'Банк відхилив списання: картку заблоковано';

/**
 * Three operations, oldest first: a letter sent, a confirm UAPAY refused, a hold cancelled. The
 * refused confirm and the cancel are real operations on the Demo shop (through the core).
 */
async function someOperations(
  desk: Desk,
): Promise<{ letter: OrderRow; refused: OrderRow; cancelled: OrderRow }> {
  const [letter] = await rowsIn(desk, 'link_sent');
  const [refused, cancelled] = await rowsIn(desk, 'held', true);
  await desk.handlers['settings.update']({ managerName: 'Олена' });
  await touch(desk, letter!);
  await injectFault(refused!.link!, {
    method: 'invoicer/payments/complete',
    kind: 'error',
    code: 'BANK_REFUSED',
    message: REFUSAL,
  });
  await expect(desk.handlers['payments.confirm']({ paymentId: refused!.paymentId })).rejects.toThrow();
  await desk.handlers['payments.cancel']({ paymentId: cancelled!.paymentId });
  return { letter: letter!, refused: refused!, cancelled: cancelled! };
}

function entryRows(page: Page) {
  return page.getByTestId('activity-table').locator('tbody tr:not(.error-row)');
}

test.describe('the Activity screen', () => {
  test.use({ initialSettings: { demoMode: true } });

  test("lists every operation newest first, with who, order, amount, states, outcome and UAPAY's text", async ({
    page,
    open,
    desk,
  }) => {
    const { letter, refused, cancelled } = await someOperations(desk);
    const journal = await desk.handlers['journal.list']({});
    expect(journal.map((e) => e.kind)).toEqual(['payment.cancel', 'payment.confirm', 'link.email']);
    // What the log says happened is what the fakes hold.
    expect(await uapayPayment(refused)).toMatchObject({ status: 'PAID', paymentStatus: 'HOLDED' });
    expect(await uapayPayment(cancelled)).toMatchObject({ status: 'CANCELED' });

    await open();
    await openScreen(page, 'uk', 'activity');
    const rows = entryRows(page);
    await expect(rows).toHaveCount(3);
    await expect(page.getByRole('status').filter({ hasText: 'Операцій: 3' })).toBeVisible();

    const [newest, failed, oldest] = [rows.nth(0), rows.nth(1), rows.nth(2)];
    await expect(newest).toContainText(t.activity.kinds.payment_cancel);
    await expect(newest).toContainText(cancelled.orderNumber);
    await expect(newest).toContainText('Олена');
    await expect(newest).toContainText(money(cancelled.amount, 'uk'));
    await expect(newest).toContainText(t.lifecycle.held);
    await expect(newest).toContainText(t.lifecycle.rejected);
    await expect(newest.locator('.outcome-ok')).toHaveText(t.activity.outcomes.succeeded);

    await expect(failed).toContainText(t.activity.kinds.payment_confirm);
    await expect(failed).toContainText(refused.orderNumber);
    await expect(failed.locator('.outcome-bad')).toHaveText(t.activity.outcomes.failed);
    const reason = page.getByTestId('activity-table').locator('tr.error-row');
    await expect(reason).toHaveCount(1);
    await expect(reason).toContainText(t.errors.uapay.answer);
    await expect(reason).toContainText('BANK_REFUSED');
    await expect(reason).toContainText(REFUSAL);

    await expect(oldest).toContainText(t.activity.kinds.link_email);
    await expect(oldest).toContainText(letter.orderNumber);
  });

  test('filters by operation, dates and search, and says when nothing matches', async ({
    page,
    open,
    desk,
  }) => {
    const { letter, cancelled } = await someOperations(desk);
    await open();
    await openScreen(page, 'uk', 'activity');
    const rows = entryRows(page);
    await expect(rows).toHaveCount(3);

    const kinds = page.getByRole('group', { name: t.activity.kindsLabel });
    const cancelChip = kinds.getByRole('button', { name: t.activity.kinds.payment_cancel });
    await cancelChip.click();
    await expect(cancelChip).toHaveAttribute('aria-pressed', 'true');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(cancelled.orderNumber);
    await kinds.getByRole('button', { name: t.activity.kinds.link_email }).click();
    await expect(rows).toHaveCount(2);
    await page.getByRole('button', { name: t.activity.reset }).click();
    await expect(rows).toHaveCount(3);

    // "/" reaches the search box from anywhere on the screen.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: t.activity.search });
    await expect(search).toBeFocused();
    await page.keyboard.type('Олена');
    await expect(rows).toHaveCount(3);
    await search.fill(letter.orderNumber);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(t.activity.kinds.link_email);
    await search.fill('');

    const today = new Date();
    const day = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await page.getByRole('textbox', { name: t.activity.to }).fill(day(today));
    await expect(rows).toHaveCount(3);
    await page
      .getByRole('textbox', { name: t.activity.from })
      .fill(day(new Date(today.getTime() + 86_400_000)));
    await expect(page.getByRole('heading', { name: t.activity.noMatchesTitle })).toBeVisible();
    await page.getByRole('button', { name: t.activity.reset }).last().click();
    await expect(rows).toHaveCount(3);
  });

  test('exports the filtered log as a CSV file', async ({ page, open, desk }) => {
    await someOperations(desk);
    await open();
    await openScreen(page, 'uk', 'activity');
    await page
      .getByRole('group', { name: t.activity.kindsLabel })
      .getByRole('button', { name: t.activity.kinds.payment_confirm })
      .click();
    await expect(entryRows(page)).toHaveCount(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.activity.export }).click(),
    ]);
    const expected = await desk.handlers['journal.exportCsv']({ kinds: ['payment.confirm'] });
    expect(download.suggestedFilename()).toBe(expected.fileName);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toBe(expected.text);
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^\uFEFF?time,os_user,manager,order,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('BANK_REFUSED');
    expect(lines[1]).toContain(REFUSAL);
  });
});

test('says what it will hold before the first operation', async ({ page, open }) => {
  await open();
  await openScreen(page, 'uk', 'activity');
  await expect(page.getByRole('heading', { name: t.activity.emptyTitle })).toBeVisible();
});

test.describe('screenshots of the Activity screen', () => {
  test.use({ initialSettings: { demoMode: true } });

  const looks = everyLook('the log with a failure', async ({ page, open, desk, lang, scheme }) => {
    await someOperations(desk);
    await open();
    await openScreen(page, lang, 'activity');
    await expect(entryRows(page)).toHaveCount(3);
    await dismissToasts(page, lang);
    await screenshot(page, `activity-log-${lang}-${scheme}`);
  });
  for (const look of looks) test(...look);
});
