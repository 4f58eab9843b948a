import type { Page } from '@playwright/test';
import type { Desk } from '../../electron/core/desk';
import type { OrderRow } from '../../electron/shared/orders';
import { crmPayment, expectPayment, injectFault, money, panelShot, rowsIn, statusMapping } from './demoShop';
import { expect, everyLook, test, type Lang } from './fixtures';
import { dismissToasts, fill, ui } from './ui';

const COMPLETE = 'invoicer/payments/complete';
const t = ui('uk');

/** How many capture calls UAPAY (the sandbox) has had for an invoice. */
async function captures(row: OrderRow): Promise<number> {
  const url = new URL('/__sandbox/calls', row.link!);
  url.searchParams.set('method', COMPLETE);
  url.searchParams.set('invoiceId', row.invoiceId!);
  const response = await fetch(url);
  return ((await response.json()) as { count: number }).count;
}

/**
 * The Demo list filtered to held and paid payments, every one of them selected through "select
 * all matching" (rows out of view included): the held ones can go, the paid ones must be skipped.
 */
async function selectHeldAndPaid(page: Page, lang: Lang, desk: Desk) {
  const tr = ui(lang);
  const held = await rowsIn(desk, 'held', true);
  const paid = await rowsIn(desk, 'paid');
  const grid = page.getByRole('grid', { name: tr.orders.table.label });
  await expect(grid.getByRole('row').nth(3)).toBeVisible({ timeout: 20_000 });
  const chips = page.getByRole('group', { name: tr.orders.chips.label });
  await chips.getByRole('button', { name: new RegExp(tr.orders.chips.held) }).click();
  await chips.getByRole('button', { name: new RegExp(tr.orders.chips.paid) }).click();
  await expect(grid).toHaveAttribute('aria-rowcount', String(held.length + paid.length + 1));
  await grid
    .getByRole('checkbox', { name: fill(tr.orders.table.selectRow, { number: held[0]!.orderNumber }) })
    .click();
  const bar = page.getByRole('region', { name: tr.orders.selection.label });
  await bar
    .getByRole('button', {
      name: fill(tr.orders.selection.selectAllMatching, { count: held.length + paid.length }),
    })
    .click();
  return { held, paid, bar };
}

function bulkDialog(page: Page) {
  return page.getByRole('dialog').filter({ has: page.getByTestId('bulk-dialog') });
}

test.describe('bulk confirmation', () => {
  test.use({ initialSettings: { demoMode: true } });
  test.setTimeout(120_000);

  test('the check names what is skipped and why; confirm runs to the end, captures each hold once, and Retry failed captures the refused one', async ({
    page,
    open,
    desk,
  }) => {
    const mapping = await statusMapping(desk);
    await open();
    const { held, paid, bar } = await selectHeldAndPaid(page, 'uk', desk);
    expect(held.length).toBeGreaterThanOrEqual(2);
    const refused = held[0]!;
    const refusal = 'Банк відхилив списання: картку заблоковано';
    await injectFault(refused.link!, {
      method: COMPLETE,
      invoiceId: refused.invoiceId,
      kind: 'error',
      code: 'BANK_REFUSED',
      message: refusal,
    });

    await bar.getByRole('button', { name: t.orders.bulk.confirm }).click();
    const dialog = bulkDialog(page);
    await expect(dialog).toBeVisible();
    await expect(page.getByRole('heading', { name: t.bulk.title.confirm })).toBeVisible();

    // Every paid payment is listed as skipped, with the reason and the state UAPAY reports.
    const notHeld = fill(t.bulk.reasons.notHeldNow, { state: t.lifecycle.paid });
    for (const row of paid) {
      const line = dialog.locator(`[role="row"][data-payment-id="${row.paymentId}"]`);
      // The list is virtual: only rows near the top are in the page; skipped ones come first.
      if ((await line.count()) === 0) continue;
      await expect(line).toContainText(t.bulk.rows.skipped);
      await expect(line).toContainText(notHeld);
    }
    await expect(dialog.getByTestId('bulk-preflight-summary')).toContainText(
      fill(t.bulk.preflight.skipped, { count: paid.length }),
    );
    await expect(dialog.getByTestId('bulk-preflight-summary')).toContainText(
      `${t.bulk.reasonShort.not_held}: ${paid.length}`,
    );

    // One button, with the count and the total in hryvnias; the safe choice has the focus.
    expect(await desk.handlers['bulk.status']({})).toBeNull(); // nothing has started yet
    await expect(dialog.getByRole('button', { name: t.actions.back })).toBeFocused();
    const go = dialog.getByRole('button', { name: new RegExp(t.bulk.preflight.go.confirm.split(' ')[0]!) });
    await expect(go).toHaveCount(1);
    const label = (await go.textContent()) ?? '';
    const eligibleCount = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(eligibleCount).toBeGreaterThanOrEqual(2);
    expect(eligibleCount).toBeLessThanOrEqual(held.length);

    await go.click();
    await expect(page.getByRole('heading', { name: t.bulk.title.ended.confirm })).toBeVisible({
      timeout: 30_000,
    });
    const batch = (await desk.handlers['bulk.status']({}))!;
    expect(batch.state).toBe('finished');
    expect(label).toContain(money(batch.total, 'uk'));
    expect(batch.counts).toMatchObject({
      failed: 1,
      done: eligibleCount - 1,
      skipped: paid.length + held.length - eligibleCount,
    });
    await expect(dialog.getByTestId('bulk-count-done')).toContainText(String(eligibleCount - 1));
    await expect(dialog.getByTestId('bulk-count-failed')).toContainText('1');

    // The refusal shows UAPAY's own text on its row; RetailCRM still says held.
    const failedLine = dialog.locator(`[role="row"][data-payment-id="${refused.paymentId}"]`);
    await dialog.getByRole('checkbox', { name: t.bulk.progress.problemsOnly }).check();
    await expect(failedLine).toContainText(refusal);
    await expect(failedLine).toContainText('BANK_REFUSED');
    expect((await crmPayment(desk, refused.paymentId)).payment.status).toBe(mapping.held);

    // The fakes: each confirmed hold captured exactly once, RetailCRM says paid; paid ones untouched.
    const done = batch.rows.filter((row) => row.outcome === 'done');
    expect(done).toHaveLength(eligibleCount - 1);
    for (const row of done) {
      const before = held.find((h) => h.paymentId === row.paymentId)!;
      expect(before).toBeDefined();
      expect(await captures(before)).toBe(1);
      await expectPayment(desk, row.paymentId, { status: mapping.paid }, { status: 'FINISHED' });
    }
    for (const row of paid) expect(await captures(row)).toBe(0);

    // Retry failed: the refused one goes again (the fault was for one call) and is captured.
    await dialog.getByRole('button', { name: fill(t.bulk.result.retryFailed, { count: 1 }) }).click();
    await expect(dialog.getByTestId('bulk-count-done')).toContainText('1', { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: t.bulk.title.ended.confirm })).toBeVisible();
    await expectPayment(desk, refused.paymentId, { status: mapping.paid }, { status: 'FINISHED' });
    // Two capture calls: the refused one and the retry; UAPAY captured once.
    expect(await captures(refused)).toBe(2);

    // Esc closes the finished dialog; the selection was cleared when the batch started.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(bar).toBeHidden();
  });

  test('Stop finishes what is in flight, leaves the rest untouched; closing keeps the batch in the dock', async ({
    page,
    open,
    desk,
  }) => {
    await open();
    const { held, bar } = await selectHeldAndPaid(page, 'uk', desk);
    // Slow captures, so the batch is still running when Stop is pressed.
    await injectFault(held[0]!.link!, { method: COMPLETE, kind: 'latency', ms: 2500, times: 'always' });
    await bar.getByRole('button', { name: t.orders.bulk.confirm }).click();
    const dialog = bulkDialog(page);
    const go = dialog.getByRole('button', { name: new RegExp(t.bulk.preflight.go.confirm.split(' ')[0]!) });
    await go.click();
    await expect(page.getByRole('heading', { name: t.bulk.title.running.confirm })).toBeVisible();
    await expect(dialog.getByText(t.bulk.progress.stopHint)).toBeVisible();

    // Esc hides the running batch into the dock; Open brings it back.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const dock = page.getByTestId('bulk-dock');
    await expect(dock).toBeVisible();
    await dock.getByRole('button', { name: t.bulk.dock.open }).click();
    await expect(dialog).toBeVisible();

    await dialog.getByRole('button', { name: t.bulk.progress.stop }).click();
    await expect(page.getByRole('heading', { name: t.bulk.title.ended.confirm })).toBeVisible({
      timeout: 30_000,
    });
    const batch = (await desk.handlers['bulk.status']({}))!;
    expect(['stopped', 'finished']).toContain(batch.state);
    for (const row of batch.rows.filter((r) => r.outcome === 'untouched')) {
      const before = held.find((h) => h.paymentId === row.paymentId)!;
      expect(await captures(before)).toBe(0);
      expect((await crmPayment(desk, row.paymentId)).row.state).toBe('held');
    }
    if (batch.state === 'stopped') {
      await expect(dialog.getByText(t.bulk.result.stoppedTitle)).toBeVisible();
      await expect(
        dialog.getByRole('button', { name: fill(t.bulk.result.resume, { count: batch.counts.untouched }) }),
      ).toBeVisible();
    }
  });
});

test.describe('bulk screenshots', () => {
  test.use({ initialSettings: { demoMode: true } });

  const looks = everyLook(
    'check, progress and result',
    async ({ page, open, desk, lang, scheme }) => {
      const tr = ui(lang);
      await open();
      const { held, bar } = await selectHeldAndPaid(page, lang, desk);
      await injectFault(held[0]!.link!, {
        method: COMPLETE,
        invoiceId: held[0]!.invoiceId,
        kind: 'error',
        code: 'BANK_REFUSED',
        message: 'Банк відхилив списання: перевищено ліміт картки',
      });
      await injectFault(held[0]!.link!, { method: COMPLETE, kind: 'latency', ms: 4000, times: 'always' });
      await bar.getByRole('button', { name: tr.orders.bulk.confirm }).click();
      const dialog = bulkDialog(page);
      const go = dialog.getByRole('button', {
        name: new RegExp(tr.bulk.preflight.go.confirm.split(' ')[0]!),
      });
      await expect(go).toBeVisible();
      await dismissToasts(page, lang);
      await panelShot(page, `bulk-preflight-${lang}-${scheme}`);
      await go.click();
      await expect(page.getByRole('heading', { name: tr.bulk.title.running.confirm })).toBeVisible();
      await expect(dialog.locator('.bulk-tone-busy').first()).toBeVisible();
      await panelShot(page, `bulk-progress-${lang}-${scheme}`);
      await expect(page.getByRole('heading', { name: tr.bulk.title.ended.confirm })).toBeVisible({
        timeout: 30_000,
      });
      await dismissToasts(page, lang);
      await panelShot(page, `bulk-result-${lang}-${scheme}`);
    },
    120_000,
  );
  for (const look of looks) test(...look);
});
