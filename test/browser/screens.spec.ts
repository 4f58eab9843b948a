import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { dismissToasts, openScreen, openSettings, ui } from './ui';
import { expect, everyLook, screenshot, test, type Lang, type Scheme } from './fixtures';

/** A shop's profile as a colleague would hand it over: a connected CRM, a merchant, a sender. */
function teamProfile(): string {
  return JSON.stringify({
    kind: 'uapay-desk.team-profile',
    format: 1,
    exportedAt: new Date().toISOString(),
    settings: {
      retailCrm: { url: 'https://myshop.retailcrm.ru', siteCodes: [] },
      merchants: [
        {
          id: randomUUID(),
          name: 'Kyiv store',
          clientId: 'client-1',
          environment: 'production',
          confirmManually: true,
        },
      ],
      statusMapping: { paid: 'paid', held: 'hold' },
      smtp: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        user: 'shop',
        fromAddress: 'shop@example.com',
        fromName: 'My Shop',
      },
      relay: null,
      holdLifetimeHours: 168,
      payLinkLifetimeHours: 72,
    },
  });
}

async function shot(page: Page, lang: Lang, scheme: Scheme, screen: string) {
  await dismissToasts(page, lang);
  await screenshot(page, `${screen}-${lang}-${scheme}`);
}

/**
 * Every screen in every language and both themes, written to test-results/screenshots/ to be
 * looked at. Each step also checks the screen is the one named, so a screenshot is never of the
 * wrong thing.
 */
test.describe('screenshots', () => {
  const looks = everyLook('every screen', async ({ page, open, lang, scheme }) => {
    const t = ui(lang);
    await open();
    await expect(page.getByRole('heading', { level: 2, name: t.firstRun.title })).toBeVisible();
    await shot(page, lang, scheme, 'first-run');

    await openScreen(page, lang, 'activity');
    await expect(page.getByRole('heading', { name: t.activity.emptyTitle })).toBeVisible();
    await shot(page, lang, scheme, 'activity');

    await openSettings(page, lang, 'retailcrm');
    await shot(page, lang, scheme, 'settings-retailcrm');

    await openSettings(page, lang, 'general');
    await shot(page, lang, scheme, 'settings-general');
    await page.getByLabel(t.settings.general.holdLifetime).fill('0');
    await page.getByLabel(t.settings.general.payLinkLifetime).fill('abc');
    await page.getByLabel(t.settings.general.managerName).fill('x'.repeat(101));
    await page.getByRole('button', { name: t.common.save }).click();
    await expect(page.getByLabel(t.settings.general.holdLifetime)).toHaveAttribute('aria-invalid', 'true');
    await shot(page, lang, scheme, 'settings-general-invalid');

    await openSettings(page, lang, 'email');
    await shot(page, lang, scheme, 'settings-email');
    await page.getByRole('button', { name: t.settings.email.passwordSet }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, lang, scheme, 'settings-email-password');
    await page.keyboard.press('Escape');

    await openSettings(page, lang, 'profile');
    await page.getByRole('button', { name: t.settings.profile.export }).click();
    await expect(page.getByTestId('profile-file-name')).toBeVisible();
    await page.getByLabel(t.settings.profile.fileInput).setInputFiles({
      name: 'not-a-profile.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"kind":"something else"}'),
    });
    // Refused at once: a file that is no profile never reaches the preview.
    await expect(page.getByTestId('profile-issues')).toBeVisible();
    await shot(page, lang, scheme, 'settings-profile-refused');

    await page.getByLabel(t.settings.profile.fileInput).setInputFiles({
      name: 'team-profile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(teamProfile()),
    });
    await expect(page.getByTestId('profile-preview')).toBeVisible();
    await shot(page, lang, scheme, 'settings-profile-preview');
    await page.getByRole('dialog').getByRole('button', { name: t.settings.profile.import }).click();
    await expect(page.getByTestId('profile-imported')).toBeVisible();
    await shot(page, lang, scheme, 'settings-profile-imported');

    await openSettings(page, lang, 'retailcrm');
    await shot(page, lang, scheme, 'settings-retailcrm-from-profile');
    await openSettings(page, lang, 'email');
    await shot(page, lang, scheme, 'settings-email-configured');
    await openSettings(page, lang, 'about');
    await expect(page.getByTestId('about-version')).toBeVisible();
    await shot(page, lang, scheme, 'settings-about');

    await openScreen(page, lang, 'orders');
    await expect(page.getByRole('heading', { name: t.orders.empty.notConnected.title })).toBeVisible();
    await shot(page, lang, scheme, 'orders');
  });
  for (const look of looks) test(...look);
});

test.describe('screenshots in Demo mode', () => {
  test.use({ initialSettings: { demoMode: true } });

  const looks = everyLook('orders with the Demo banner', async ({ page, open, lang, scheme }) => {
    await open();
    await expect(page.getByRole('note')).toContainText(ui(lang).demo.banner);
    await shot(page, lang, scheme, 'orders-demo');
  });
  for (const look of looks) test(...look);
});
