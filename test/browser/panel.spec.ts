import type { Page } from '@playwright/test';
import type { Desk } from '../../electron/core/desk';
import { kopiyky, stillOwed } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';
import { amountInWords } from '../../renderer/orders/orderPanel/amountInWords';
import { amountToText } from '../../renderer/orders/orderPanel/amountText';
import {
  addPayment,
  crmPayment,
  expectPayment,
  injectFault,
  money,
  openFromActivity,
  openFromList,
  openMailbox,
  panel,
  panelShot,
  refundPart,
  rowsIn,
  statusMapping,
  TEST_CARD,
} from './demoShop';
import { expect, everyLook, LANGUAGES, SCHEMES, test, type Lang } from './fixtures';
import { dismissToasts, fill, ui } from './ui';

const t = ui('uk');

/** The state badge in the panel's header. */
function stateLine(page: Page, lang: Lang, orderNumber: string) {
  return panel(page, lang, orderNumber).getByTestId('panel-state');
}

/** The panel's action buttons, by name, in order. */
async function actionNames(page: Page, lang: Lang, orderNumber: string): Promise<string[]> {
  const bar = panel(page, lang, orderNumber).getByRole('toolbar', { name: ui(lang).actions.label });
  return bar.getByRole('button').allTextContents();
}

test.describe('the order panel', () => {
  test.use({ initialSettings: { demoMode: true } });

  test('a new link is generated, copied and e-mailed, paid on the practice page, shows up held live and is confirmed', async ({
    page,
    open,
    desk,
    context,
  }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const mapping = await statusMapping(desk);
    const row = await addPayment(desk);
    await open();
    await openFromActivity(page, 'uk', row.orderNumber);
    const p = panel(page, 'uk', row.orderNumber);
    await expect(stateLine(page, 'uk', row.orderNumber)).toContainText(t.lifecycle.no_link);
    expect(await actionNames(page, 'uk', row.orderNumber)).toEqual([`${t.actions.createLink}L`]);

    // L: generate the link.
    await page.keyboard.press('l');
    const linkBox = p.getByRole('region', { name: t.actions.linkTitle });
    const address = linkBox.getByRole('textbox', { name: t.actions.linkAddress });
    await expect(address).toHaveValue(/\/payment\//);
    const link = await address.inputValue();
    await expect(linkBox.getByRole('img', { name: t.actions.qrAlt })).toBeVisible();
    const openLink = linkBox.getByRole('link', { name: t.actions.open });
    await expect(openLink).toHaveAttribute('href', link);
    await expect(openLink).toHaveAttribute('target', '_blank');
    await expect(openLink).toHaveAttribute('rel', /noopener/);
    await linkBox.getByRole('button', { name: t.actions.copy }).click();
    await expect(page.getByRole('status').filter({ hasText: t.actions.copied })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(stateLine(page, 'uk', row.orderNumber)).toContainText(t.lifecycle.link_sent);

    const linked = await crmPayment(desk, row.paymentId);
    expect(linked.row).toMatchObject({ state: 'link_sent', link });
    expect(linked.payment).toMatchObject({ status: mapping.link_sent, externalId: linked.row.invoiceId });
    const invoice = await fetch(`${new URL(link).origin}/__sandbox/invoices/${linked.row.invoiceId}`);
    expect(await invoice.json()).toMatchObject({ amount: row.amount, type: 'HOLD', payments: [] });

    // E: e-mail it to an address typed in.
    await page.keyboard.press('e');
    const mail = page.getByRole('dialog', { name: t.actions.emailTitle });
    await expect(mail.getByRole('region', { name: t.actions.emailPreview })).toContainText(link);
    await mail.getByRole('radio', { name: /./ }).last().check();
    await mail.getByRole('textbox', { name: t.actions.emailOtherLabel }).fill('not an address');
    await mail.getByRole('button', { name: t.actions.emailSend }).click();
    await expect(mail.getByText(t.validation.email)).toBeVisible();
    await mail.getByRole('textbox', { name: t.actions.emailOtherLabel }).fill('buyer@customer.example');
    await mail.getByRole('button', { name: t.actions.emailSend }).click();
    await expect(mail).toBeHidden();
    const letter = (await desk.handlers['demo.mailbox']({})).find((l) =>
      l.to.includes('buyer@customer.example'),
    );
    expect(letter?.links).toContain(link);

    // The customer opens the letter in the Demo mailbox and pays on the practice page.
    await page.keyboard.press('Escape');
    await expect(p).toBeHidden();
    await openMailbox(page, 'uk');
    const inMailbox = page.getByRole('article').filter({ hasText: 'buyer@customer.example' });
    const [hosted] = await Promise.all([
      context.waitForEvent('page'),
      inMailbox.getByRole('link', { name: t.mailbox.openPayment }).click(),
    ]);
    await hosted.getByLabel('Номер картки').fill(TEST_CARD);
    await hosted.getByLabel('Термін дії (ММ/РР)').fill('12/30');
    await hosted.getByLabel('CVV2').fill('123');
    await hosted.getByRole('button', { name: /Сплатити/ }).click();
    await expect(hosted.getByRole('status')).toBeVisible();
    await hosted.close();

    // Held, without a reload: Demo mode asks UAPAY every few seconds and the panel follows.
    await openFromActivity(page, 'uk', row.orderNumber);
    await expect(stateLine(page, 'uk', row.orderNumber)).toContainText(t.lifecycle.held, { timeout: 20_000 });
    expect(await actionNames(page, 'uk', row.orderNumber)).toEqual([
      `${t.actions.confirm}C`,
      `${t.actions.cancel}X`,
    ]);

    // C: confirm, the amount prefilled with the payment's own amount (never above the hold or what
    // the order still owes).
    const { row: heldRow, detail } = await desk.handlers['orders.get']({ paymentId: row.paymentId });
    const held = heldRow.uapay?.amount ?? heldRow.amount;
    const capture = kopiyky(Math.min(held, heldRow.amount, stillOwed(detail.totalSumm, detail.prepaySum)));
    await page.keyboard.press('c');
    const confirm = page.getByRole('dialog', { name: t.actions.confirmTitle });
    await expect(confirm.getByRole('textbox', { name: t.actions.confirmAmount })).toHaveValue(
      amountToText(capture, 'uk'),
    );
    await expect(confirm.getByTestId('amount-in-words')).toContainText(amountInWords(capture, 'uk'));
    await expect(confirm.getByTestId('released')).toHaveText(money(kopiyky(held - capture), 'uk'));
    await confirm
      .getByRole('button', { name: fill(t.actions.confirmButton, { amount: money(capture, 'uk') }) })
      .click();
    await expect(confirm).toBeHidden();
    await expect(stateLine(page, 'uk', row.orderNumber)).toContainText(t.lifecycle.paid);

    await expectPayment(
      desk,
      row.paymentId,
      { status: mapping.paid, amount: capture },
      { status: 'FINISHED', amount: capture },
    );
  });

  test('cancels a hold: the whole amount goes back, RetailCRM says rejected', async ({
    page,
    open,
    desk,
  }) => {
    const mapping = await statusMapping(desk);
    const [row] = await rowsIn(desk, 'held', true);
    await open();
    await openFromList(page, 'uk', row!.orderNumber);
    const held = row!.uapay?.amount ?? row!.amount;
    await expect(panel(page, 'uk', row!.orderNumber).getByTestId('payment-facts')).toContainText(
      money(held, 'uk'),
    );

    await page.keyboard.press('x');
    const dialog = page.getByRole('dialog', { name: t.actions.cancelTitle });
    await expect(dialog.getByTestId('amount-in-words')).toContainText(money(held, 'uk'));
    await expect(dialog.getByTestId('amount-in-words')).toContainText(amountInWords(held, 'uk'));
    // The safe choice has the focus: Enter here never cancels a hold by accident.
    await expect(dialog.getByRole('button', { name: t.actions.back })).toBeFocused();
    await dialog.getByRole('button', { name: t.actions.cancelButton }).click();
    await expect(dialog).toBeHidden();
    await expect(stateLine(page, 'uk', row!.orderNumber)).toContainText(t.lifecycle.rejected);
    await expect(panel(page, 'uk', row!.orderNumber).getByRole('toolbar')).toHaveCount(0);

    const after = await expectPayment(
      desk,
      row!.paymentId,
      { status: mapping.rejected },
      { status: 'CANCELED' },
    );
    expect(after.row.state).toBe('rejected');
  });

  test('refunds part of a payment, then the rest; never more than remains', async ({ page, open, desk }) => {
    const mapping = await statusMapping(desk);
    const [row] = await rowsIn(desk, 'paid');
    const paidAmount = row!.amount;
    await open();
    await openFromList(page, 'uk', row!.orderNumber);
    expect(await actionNames(page, 'uk', row!.orderNumber)).toEqual([`${t.actions.refund}R`]);

    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: t.actions.refundTitle });
    await dialog.getByRole('radio', { name: t.actions.refundPartial }).check();
    const amount = dialog.getByRole('textbox', { name: t.actions.refundAmount });
    await amount.fill(amountToText(kopiyky(paidAmount + 1), 'uk'));
    await expect(
      dialog.getByText(fill(t.actions.amountAbove, { max: money(paidAmount, 'uk') })),
    ).toBeVisible();
    await amount.fill('1,00');
    await expect(dialog.getByTestId('amount-in-words')).toContainText(amountInWords(kopiyky(100), 'uk'));
    await dialog
      .getByRole('button', { name: fill(t.actions.refundButton, { amount: money(kopiyky(100), 'uk') }) })
      .click();
    await expect(dialog).toBeHidden();
    await expect(stateLine(page, 'uk', row!.orderNumber)).toContainText(t.lifecycle.partially_refunded);

    await expectPayment(
      desk,
      row!.paymentId,
      { status: mapping.partially_refunded, amount: paidAmount - 100 },
      { status: 'FINISHED', paymentStatus: 'RETURNED' },
    );

    // The rest: "all that remains" is the default.
    const rest = kopiyky(paidAmount - 100);
    await page.keyboard.press('r');
    await expect(
      dialog.getByRole('radio', { name: fill(t.actions.refundFull, { amount: money(rest, 'uk') }) }),
    ).toBeChecked();
    await dialog
      .getByRole('button', { name: fill(t.actions.refundButton, { amount: money(rest, 'uk') }) })
      .click();
    await expect(dialog).toBeHidden();
    await expect(stateLine(page, 'uk', row!.orderNumber)).toContainText(t.lifecycle.refunded);

    await expectPayment(desk, row!.paymentId, { status: mapping.refunded }, { status: 'REVERSED' });
  });

  test('a confirm UAPAY refuses shows its text and changes nothing; Retry then captures', async ({
    page,
    open,
    desk,
  }) => {
    const mapping = await statusMapping(desk);
    const [row] = await rowsIn(desk, 'held', true);
    const refusal = 'Банк відхилив списання: перевищено ліміт картки';
    await injectFault(row!.link!, {
      method: 'invoicer/payments/complete',
      kind: 'error',
      code: 'BANK_REFUSED',
      message: refusal,
    });
    await open();
    await openFromList(page, 'uk', row!.orderNumber);
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: t.actions.confirmTitle });
    await dialog.getByRole('button', { name: new RegExp(t.actions.confirmButton.split(' ')[0]!) }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(refusal);
    await expect(alert).toContainText('BANK_REFUSED');
    await expect(alert).toContainText(t.errors.uapay.next);

    await expectPayment(
      desk,
      row!.paymentId,
      { status: mapping.held },
      { status: 'PAID', paymentStatus: 'HOLDED' },
    );

    await alert.getByRole('button', { name: t.common.retry }).click();
    await expect(dialog).toBeHidden();
    await expect(stateLine(page, 'uk', row!.orderNumber)).toContainText(t.lifecycle.paid);
    const timeline = panel(page, 'uk', row!.orderNumber).getByTestId('timeline');
    await expect(timeline).toContainText(refusal);
    await expect(timeline.getByText(t.activity.outcomes.failed)).toBeVisible();

    await expectPayment(desk, row!.paymentId, { status: mapping.paid }, { status: 'FINISHED' });
  });

  test('a refund UAPAY leaves unclear waits for the manager: the facts, then "it did not happen" frees it', async ({
    page,
    open,
    desk,
  }) => {
    test.setTimeout(90_000);
    const mapping = await statusMapping(desk);
    const [row] = await rowsIn(desk, 'paid');
    // A gateway page instead of UAPAY's answer: UAPAY's state cannot show whether a reverse ran.
    await injectFault(row!.link!, { method: 'invoicer/payments/reverse', kind: 'http', status: 502 });
    await open();
    await openFromList(page, 'uk', row!.orderNumber);
    const dialog = await refundPart(page, kopiyky(100));
    await expect(dialog).toBeHidden({ timeout: 30_000 });

    const note = panel(page, 'uk', row!.orderNumber).getByTestId('attention-note');
    await expect(note).toContainText(t.panel.attention.title);
    await expect(note).toContainText(money(kopiyky(100), 'uk'));
    await expect(note).toContainText('FINISHED');
    // No other operation starts while this one waits.
    expect(await actionNames(page, 'uk', row!.orderNumber)).toEqual([]);
    const locked = await crmPayment(desk, row!.paymentId);
    expect(locked.payment.status).toBe(mapping.paid);
    expect(locked.row.comment).toMatch(/UAPAY Desk lock: payment\.refund .* needs-attention/);
    await dismissToasts(page, 'uk');
    await panelShot(page, 'panel-needs-attention-uk-light');

    await note.getByRole('button', { name: t.panel.attention.notHappened }).click();
    const confirm = page.getByRole('dialog', {
      name: fill(t.panel.attention.confirm.notHappened.title, { operation: t.activity.kinds.payment_refund }),
    });
    await confirm.getByRole('button', { name: t.panel.attention.notHappened }).click();
    await expect(note).toBeHidden();
    const freed = await expectPayment(
      desk,
      row!.paymentId,
      { status: mapping.paid, amount: row!.amount },
      { status: 'FINISHED', paymentStatus: 'FINISHED' },
    );
    expect(freed.row.comment ?? '').not.toMatch(/UAPAY Desk lock/);
    const timeline = panel(page, 'uk', row!.orderNumber).getByTestId('timeline');
    await expect(timeline.getByText(t.activity.outcomes.reconciled)).toBeVisible();
    expect(await actionNames(page, 'uk', row!.orderNumber)).toEqual([`${t.actions.refund}R`]);
  });

  test('Esc closes the panel and gives the focus back; shortcuts are announced', async ({
    page,
    open,
    desk,
  }) => {
    const [row] = await rowsIn(desk, 'held', true);
    await open();
    await openFromList(page, 'uk', row!.orderNumber);
    const p = panel(page, 'uk', row!.orderNumber);
    await expect(p).toBeFocused();
    const confirm = p.getByRole('button', { name: t.actions.confirm });
    await expect(confirm).toHaveAttribute('aria-keyshortcuts', 'C');
    await expect(confirm).toHaveAttribute('title', fill(t.actions.shortcut, { key: 'C' }));

    // Esc in a dialog closes only the dialog.
    await page.keyboard.press('x');
    await expect(page.getByRole('dialog', { name: t.actions.cancelTitle })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: t.actions.cancelTitle })).toBeHidden();
    await expect(p).toBeVisible();

    // Opened from the list, the focus goes back to the list, on the order's row.
    await page.keyboard.press('Escape');
    await expect(p).toBeHidden();
    const grid = page.getByRole('grid', { name: t.orders.table.label });
    await expect(grid).toBeFocused();
    const active = await grid.getAttribute('aria-activedescendant');
    await expect(
      grid.locator(`[id="${active}"]`).getByRole('gridcell', { name: row!.orderNumber, exact: true }),
    ).toBeVisible();
  });
});

/** One payment per state, each reachable from Activity, for the screenshots. */
async function onePerState(desk: Desk): Promise<[string, OrderRow][]> {
  const states = [
    'link_sent',
    'held',
    'paid',
    'partially_refunded',
    'refunded',
    'rejected',
    'expired',
    'failed',
  ] as const;
  const out: [string, OrderRow][] = [['no_link', await addPayment(desk)]];
  for (const state of states) {
    const [row] = await rowsIn(desk, state, state === 'held');
    out.push([state, row!]);
  }
  return out;
}

test.describe('screenshots of the order panel', () => {
  test.use({ initialSettings: { demoMode: true } });

  const looks = everyLook(
    'every state and dialog',
    async ({ page, open, desk, lang, scheme }) => {
      const tr = ui(lang);
      const rows = await onePerState(desk);
      await open();
      for (const [state, row] of rows) {
        await openFromList(page, lang, row.orderNumber);
        await dismissToasts(page, lang);
        await panelShot(page, `panel-${state}-${lang}-${scheme}`);
        if (state === 'held') {
          await page.keyboard.press('c');
          await expect(page.getByRole('dialog', { name: tr.actions.confirmTitle })).toBeVisible();
          await panelShot(page, `confirm-dialog-${lang}-${scheme}`);
          await page.keyboard.press('Escape');
          await page.keyboard.press('x');
          await expect(page.getByRole('dialog', { name: tr.actions.cancelTitle })).toBeVisible();
          await panelShot(page, `cancel-dialog-${lang}-${scheme}`);
          await page.keyboard.press('Escape');
        }
        if (state === 'paid') {
          await page.keyboard.press('r');
          const dialog = page.getByRole('dialog', { name: tr.actions.refundTitle });
          await dialog.getByRole('radio', { name: tr.actions.refundPartial }).check();
          await dialog.getByRole('textbox', { name: tr.actions.refundAmount }).fill('0');
          await panelShot(page, `refund-dialog-${lang}-${scheme}`);
          await page.keyboard.press('Escape');
        }
        if (state === 'link_sent') {
          await page.keyboard.press('e');
          const dialog = page.getByRole('dialog', { name: tr.actions.emailTitle });
          await expect(dialog.getByRole('region', { name: tr.actions.emailPreview })).toContainText(
            row.link!,
          );
          await panelShot(page, `email-dialog-${lang}-${scheme}`);
          await page.keyboard.press('Escape');
        }
        if (state === 'no_link') {
          // The shortcut acts once the panel's actions are there; UAPAY's answer may take a while.
          await expect(page.getByRole('button', { name: new RegExp(tr.actions.createLink) })).toBeEnabled();
          await page.keyboard.press('l');
          await expect(page.getByRole('img', { name: tr.actions.qrAlt })).toBeVisible({ timeout: 30_000 });
          await dismissToasts(page, lang);
          await panelShot(page, `panel-link-${lang}-${scheme}`);
        }
        await page.keyboard.press('Escape');
      }
    },
    120_000,
  );
  for (const look of looks) test(...look);

  for (const lang of LANGUAGES) {
    test(`an operation that needs a decision (${lang}, light and dark)`, async ({ page, open, desk }) => {
      test.setTimeout(90_000);
      const tr = ui(lang);
      await desk.handlers['settings.update']({ language: lang });
      const [row] = await rowsIn(desk, 'paid');
      await injectFault(row!.link!, { method: 'invoicer/payments/reverse', kind: 'http', status: 502 });
      await expect(
        desk.handlers['payments.refund']({ paymentId: row!.paymentId, amount: kopiyky(250_00) }),
      ).resolves.toMatchObject({ outcome: 'needs_attention' });
      await open();
      await openFromList(page, lang, row!.orderNumber);
      await expect(panel(page, lang, row!.orderNumber).getByTestId('attention-note')).toContainText(
        tr.panel.attention.title,
      );
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await dismissToasts(page, lang);
        await panelShot(page, `panel-needs-attention-${lang}-${scheme}`);
      }
      await page.getByRole('button', { name: tr.panel.attention.happened }).click();
      await panelShot(page, `panel-needs-attention-confirm-${lang}-dark`);
    });
  }
});
