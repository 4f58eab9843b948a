import { channels } from '../../electron/shared/contract';
import { expect, LANGUAGES, screenshot, test } from './fixtures';
import { fill, openSettings, ui } from './ui';
import pkg from '../../package.json' with { type: 'json' };

test.describe('app shell', () => {
  for (const lang of LANGUAGES) {
    test(`renders app.info from the real core in Settings → About (${lang})`, async ({
      page,
      open,
      desk,
    }) => {
      await desk.handlers['settings.update']({ language: lang });
      await open();
      const t = ui(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // The status bar shows the version on every screen.
      await expect(page.getByTestId('app-version')).toHaveText(pkg.version);
      await openSettings(page, lang, 'about');
      await expect(page.getByRole('heading', { name: t.settings.about.title })).toBeVisible();
      await expect(page.getByTestId('about-version')).toHaveText(pkg.version);
      const available = t.settings.about.keychainAvailable.split(' (')[0] ?? '';
      await expect(page.getByTestId('keychain-status')).toContainText(available);
      // The log folder, and "Open log folder": the harness cannot open a file manager, so it names it.
      await expect(page.getByTestId('log-folder')).toHaveText(desk.logFile.folder);
      await page.getByRole('button', { name: t.settings.about.openLogFolder }).click();
      await expect(page.getByRole('status').filter({ hasText: desk.logFile.folder })).toHaveText(
        fill(t.settings.about.logFolderNotOpened, { folder: desk.logFile.folder }),
      );
      await screenshot(page, `about-${lang}-light`);
    });
  }

  test('the page gets exactly the contract as window.desk, and nothing of Node', async ({ page, open }) => {
    await open();
    const shape = await page.evaluate(() => ({
      keys: Object.keys(window.desk).sort(),
      frozen: Object.isFrozen(window.desk),
      node: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
    }));
    expect(shape).toEqual({
      keys: [...channels, 'on'].sort(),
      frozen: true,
      node: 'undefined',
      require: 'undefined',
    });
  });

  test('the harness refuses calls without its token', async ({ desk, request }) => {
    const response = await request.post(`${desk.harness.url}/__desk/ipc/app.info`, { data: {} });
    expect(response.status()).toBe(401);
  });

  test('the built page enforces the CSP: inline script does not run', async ({ page, open }) => {
    await open();
    await expect(page.getByTestId('app-version')).toBeVisible();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as { __inline?: boolean }).__inline === true;
    });
    expect(ran).toBe(false);
  });
});

test.describe('a settings file the app cannot read', () => {
  test.use({ initialSettings: '{ "version": 1, "holdLifetimeHours": ' });

  test('is reported in words at the top, and the app starts from defaults', async ({ page, open }) => {
    await open();
    const t = ui('uk');
    const [before] = t.notices.settingsCorrupt.split('{{file}}');
    const banner = page.getByRole('alert').filter({ hasText: before ?? '' });
    await expect(banner).toContainText(/settings\.corrupt-[^ ]+\.json/);
    await expect(page.getByRole('heading', { name: t.firstRun.title })).toBeVisible();
    await banner.getByRole('button', { name: t.common.dismiss }).click();
    await expect(banner).toBeHidden();
  });
});
