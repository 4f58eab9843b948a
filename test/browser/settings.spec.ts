import { expect, test } from './fixtures';
import { fill, openSettings, ui } from './ui';

const t = ui('uk');

test.describe('Settings → General', () => {
  test('saves the lifetimes and the name, and shows them again after a reload', async ({
    page,
    open,
    desk,
  }) => {
    await open();
    await openSettings(page, 'uk', 'general');
    await page.getByLabel(t.settings.general.holdLifetime).fill('96');
    await page.getByLabel(t.settings.general.payLinkLifetime).fill('48');
    await page.getByLabel(t.settings.general.managerName).fill('Олена Коваль');
    await page.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByRole('status').filter({ hasText: t.settings.general.saved })).toBeVisible();

    const { settings } = await desk.handlers['settings.get']({});
    expect(settings).toMatchObject({
      holdLifetimeHours: 96,
      payLinkLifetimeHours: 48,
      managerName: 'Олена Коваль',
    });

    await page.reload();
    await openSettings(page, 'uk', 'general');
    await expect(page.getByLabel(t.settings.general.holdLifetime)).toHaveValue('96');
    await expect(page.getByLabel(t.settings.general.payLinkLifetime)).toHaveValue('48');
    await expect(page.getByLabel(t.settings.general.managerName)).toHaveValue('Олена Коваль');
  });

  test('shows what is wrong under the field, and saves nothing', async ({ page, open, desk }) => {
    await open();
    await openSettings(page, 'uk', 'general');
    const hold = page.getByLabel(t.settings.general.holdLifetime);
    await hold.fill('0');
    await page.getByLabel(t.settings.general.payLinkLifetime).fill('1,5');
    await page.getByRole('button', { name: t.common.save }).click();

    const message = fill(t.validation.min, { min: 1 });
    await expect(hold).toHaveAttribute('aria-invalid', 'true');
    await expect(hold).toHaveAccessibleDescription(new RegExp(`^${message.replace(/\./g, '\\.')}`));
    await expect(hold).toBeFocused();
    const error = page.getByText(message, { exact: true });
    const [fieldBox, errorBox] = [await hold.boundingBox(), await error.boundingBox()];
    expect(errorBox!.y).toBeGreaterThan(fieldBox!.y + fieldBox!.height - 1);
    expect(Math.abs(errorBox!.x - fieldBox!.x)).toBeLessThan(40);
    await expect(page.getByLabel(t.settings.general.payLinkLifetime)).toHaveAccessibleDescription(
      new RegExp(`^${t.validation.wholeNumber}`),
    );

    expect((await desk.handlers['settings.get']({})).settings.holdLifetimeHours).toBe(168);
    // Fixing it clears the message on the next save.
    await hold.fill('24');
    await page.getByLabel(t.settings.general.payLinkLifetime).fill('12');
    await page.getByRole('button', { name: t.common.save }).click();
    await expect(hold).not.toHaveAttribute('aria-invalid');
    await expect
      .poll(async () => (await desk.handlers['settings.get']({})).settings.holdLifetimeHours)
      .toBe(24);
  });

  test('switching the language switches the whole UI at once, and it stays', async ({ page, open, desk }) => {
    await open();
    await openSettings(page, 'uk', 'general');
    await page.getByLabel(t.settings.general.language).selectOption('en');
    const en = ui('en');
    await expect(page.getByRole('heading', { level: 1, name: en.screens.settings.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('navigation', { name: en.nav.label })).toContainText(en.nav.orders);
    await expect(page.getByLabel(en.settings.general.language)).toHaveValue('en');
    expect((await desk.handlers['settings.get']({})).settings.language).toBe('en');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: en.screens.welcome.title })).toBeVisible();
    await page
      .getByRole('navigation', { name: en.nav.label })
      .getByRole('button', { name: en.nav.settings })
      .click();
    await openSettings(page, 'en', 'general');
    await page.getByLabel(en.settings.general.language).selectOption('ru');
    await expect(
      page.getByRole('heading', { level: 1, name: ui('ru').screens.settings.title }),
    ).toBeVisible();
  });
});

test.describe('Settings → E-mail sender', () => {
  test('saves the sender; the password is "saved" and never appears in the page', async ({
    page,
    open,
    desk,
  }) => {
    const password = `Pw-${Math.random().toString(36).slice(2)}-secret`;
    await open();
    await openSettings(page, 'uk', 'email');
    await page.getByLabel(t.settings.email.host).fill('smtp.example.com');
    await page.getByRole('switch', { name: t.settings.email.secure }).click();
    await expect(page.getByLabel(t.settings.email.port)).toHaveValue('465');
    await page.getByLabel(t.settings.email.user).fill('shop@example.com');
    await page.getByLabel(t.settings.email.fromAddress).fill('shop@example.com');
    await page.getByLabel(t.settings.email.fromName).fill('Мій магазин');
    await page.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByRole('status').filter({ hasText: t.settings.email.saved })).toBeVisible();
    expect((await desk.handlers['settings.get']({})).settings.smtp).toEqual({
      host: 'smtp.example.com',
      port: 465,
      secure: true,
      user: 'shop@example.com',
      fromAddress: 'shop@example.com',
      fromName: 'Мій магазин',
    });

    const state = page.getByTestId('smtp-password-state');
    await expect(state).toHaveText(t.settings.email.passwordMissing);
    await page.getByRole('button', { name: t.settings.email.passwordSet }).click();
    const dialog = page.getByRole('dialog', { name: t.settings.email.passwordDialogTitle });
    await expect(dialog.getByLabel(t.settings.email.passwordField)).toBeFocused();
    await dialog.getByLabel(t.settings.email.passwordField).fill(password);
    await dialog.getByRole('button', { name: t.common.save }).click();
    await expect(dialog).toBeHidden();
    await expect(state).toHaveText(t.settings.email.passwordSaved);
    expect((await desk.handlers['settings.get']({})).secrets).toMatchObject({ smtpPassword: true });

    const everything = await page.evaluate(() => {
      const values = [...document.querySelectorAll('input')].map((input) => input.value);
      return document.documentElement.outerHTML + values.join('\n');
    });
    expect(everything).not.toContain(password);

    await page.reload();
    await openSettings(page, 'uk', 'email');
    await expect(page.getByLabel(t.settings.email.host)).toHaveValue('smtp.example.com');
    await expect(state).toHaveText(t.settings.email.passwordSaved);
    expect(await page.content()).not.toContain(password);

    await page.getByRole('button', { name: t.settings.email.passwordDelete }).click();
    const confirm = page.getByRole('dialog', { name: t.settings.email.deleteTitle });
    await confirm.getByRole('button', { name: t.settings.email.passwordDelete }).click();
    await expect(state).toHaveText(t.settings.email.passwordMissing);
    expect((await desk.handlers['settings.get']({})).secrets).toMatchObject({ smtpPassword: false });
  });

  test('Esc closes a dialog and gives the focus back; Tab stays inside it', async ({ page, open }) => {
    await open();
    await openSettings(page, 'uk', 'email');
    const opener = page.getByRole('button', { name: t.settings.email.passwordSet });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: t.settings.email.passwordDialogTitle });
    await expect(dialog).toBeVisible();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('says under each field what is wrong with the sender', async ({ page, open, desk }) => {
    await open();
    await openSettings(page, 'uk', 'email');
    await page.getByLabel(t.settings.email.host).fill('https://smtp.example.com');
    await page.getByLabel(t.settings.email.port).fill('70000');
    await page.getByLabel(t.settings.email.fromAddress).fill('not an address');
    await page.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByLabel(t.settings.email.host)).toHaveAccessibleDescription(t.validation.host);
    await expect(page.getByLabel(t.settings.email.port)).toHaveAccessibleDescription(
      fill(t.validation.max, { max: 65535 }),
    );
    await expect(page.getByLabel(t.settings.email.fromAddress)).toHaveAccessibleDescription(
      t.validation.email,
    );
    expect((await desk.handlers['settings.get']({})).settings.smtp).toBeNull();
  });
});
