import type { Page } from '@playwright/test';
import { openMailbox, rowsIn } from './demoShop';
import { expect, everyLook, screenshot, test, type Lang } from './fixtures';
import { dismissToasts, ui } from './ui';

const t = ui('uk');

async function mailboxLetters(page: Page, lang: Lang) {
  return page.getByRole('feed', { name: ui(lang).mailbox.listLabel }).getByRole('article');
}

test.describe('the Demo mailbox', () => {
  test.use({ initialSettings: { demoMode: true } });

  test('lists the letters the Demo shop sent, newest first, and a letter opens the practice payment page', async ({
    page,
    open,
    desk,
    context,
  }) => {
    const [row] = await rowsIn(desk, 'link_sent');
    await desk.handlers['payments.sendLink']({ paymentId: row!.paymentId, to: 'first@buyer.example' });
    await desk.handlers['payments.sendLink']({ paymentId: row!.paymentId, to: 'second@buyer.example' });
    const sent = await desk.handlers['demo.mailbox']({});
    expect(sent).toHaveLength(2);

    await open();
    await openMailbox(page, 'uk');
    const letters = await mailboxLetters(page, 'uk');
    await expect(letters).toHaveCount(2);
    await expect(letters.nth(0)).toContainText('second@buyer.example');
    await expect(letters.nth(1)).toContainText('first@buyer.example');
    await expect(letters.nth(0).getByRole('heading', { level: 2 })).toHaveText(sent[0]!.subject);

    const pay = letters.nth(0).getByRole('link', { name: t.mailbox.openPayment });
    await expect(pay).toHaveAttribute('href', row!.link!);
    await expect(pay).toHaveAttribute('target', '_blank');
    await expect(pay).toHaveAttribute('rel', /noopener/);
    const [hosted] = await Promise.all([context.waitForEvent('page'), pay.click()]);
    await expect(hosted.getByRole('heading', { level: 1 })).toHaveText('Оплата карткою');
    await expect(hosted.getByLabel('Номер картки')).toBeVisible();
  });

  test('says what to do while no letter was sent', async ({ page, open }) => {
    await open();
    await openMailbox(page, 'uk');
    await expect(page.getByRole('heading', { name: t.mailbox.emptyTitle })).toBeVisible();
  });

  test('shows a letter sent while it is open, without Refresh', async ({ page, open, desk }) => {
    await open();
    await openMailbox(page, 'uk');
    await expect(page.getByRole('heading', { name: t.mailbox.emptyTitle })).toBeVisible();
    const [row] = await rowsIn(desk, 'link_sent');
    await desk.handlers['payments.sendLink']({ paymentId: row!.paymentId, to: 'late@buyer.example' });
    await expect(await mailboxLetters(page, 'uk')).toHaveCount(1);
    await expect((await mailboxLetters(page, 'uk')).nth(0)).toContainText('late@buyer.example');
  });

  test('keeps Refresh ready while the first look is on its way; a Refresh then shows it is looking', async ({
    page,
    open,
  }) => {
    const mailbox = /\/__desk\/ipc\/demo\.mailbox$/;
    let letGo = () => {};
    const answered = new Promise<void>((resolve) => (letGo = resolve));
    let firstAsked = () => {};
    const first = new Promise<void>((resolve) => (firstAsked = resolve));
    await page.route(mailbox, async (route) => {
      firstAsked();
      await answered;
      await route.continue();
    });
    await open();
    await openMailbox(page, 'uk');
    await first;
    const refresh = page.getByRole('button', { name: t.mailbox.refresh });
    await expect(refresh).toBeEnabled();
    await expect(refresh).not.toHaveAttribute('aria-busy');

    await refresh.click();
    await expect(refresh).toHaveAttribute('aria-busy', 'true');
    letGo();
    await expect(page.getByRole('heading', { name: t.mailbox.emptyTitle })).toBeVisible();
    await expect(refresh).toBeEnabled();
    await page.unroute(mailbox);
  });

  test('"Leave Demo mode" asks first, then stops the sandbox and brings the own settings back', async ({
    page,
    open,
    desk,
  }) => {
    await open();
    await openMailbox(page, 'uk');
    await page.getByRole('button', { name: t.mailbox.leave }).click();
    const dialog = page.getByRole('dialog', { name: t.mailbox.leaveTitle });
    await expect(dialog).toContainText(t.mailbox.leaveText);
    await dialog.getByRole('button', { name: t.common.cancel }).click();
    await expect(dialog).toBeHidden();
    expect((await desk.handlers['settings.get']({})).settings.demoMode).toBe(true);

    await page.getByRole('button', { name: t.mailbox.leave }).click();
    await dialog.getByRole('button', { name: t.mailbox.leaveConfirm }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.screens.welcome.title })).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(0);
    const nav = page.getByRole('navigation', { name: t.nav.label });
    await expect(nav.getByRole('button', { name: t.mailbox.nav })).toHaveCount(0);
    expect((await desk.handlers['settings.get']({})).settings.demoMode).toBe(false);
    await expect(desk.handlers['demo.mailbox']({})).resolves.toEqual([]);
  });
});

test('the mailbox is not in the navigation outside Demo mode', async ({ page, open }) => {
  await open();
  const nav = page.getByRole('navigation', { name: t.nav.label });
  await expect(nav.getByRole('button', { name: t.nav.activity })).toBeVisible();
  await expect(nav.getByRole('button', { name: t.mailbox.nav })).toHaveCount(0);
});

test.describe('screenshots of the Demo mailbox', () => {
  test.use({ initialSettings: { demoMode: true } });

  const looks = everyLook('mailbox', async ({ page, open, desk, lang, scheme }) => {
    const [row] = await rowsIn(desk, 'link_sent');
    await desk.handlers['payments.sendLink']({ paymentId: row!.paymentId, to: 'olena@buyer.example' });
    await open();
    await openMailbox(page, lang);
    await expect(await mailboxLetters(page, lang)).toHaveCount(1);
    await dismissToasts(page, lang);
    await screenshot(page, `mailbox-${lang}-${scheme}`);

    await page.getByRole('button', { name: ui(lang).mailbox.leave }).click();
    await expect(page.getByRole('dialog', { name: ui(lang).mailbox.leaveTitle })).toBeVisible();
    await screenshot(page, `mailbox-leave-${lang}-${scheme}`);
  });
  for (const look of looks) test(...look);
});
