import { channels } from '../../electron/shared/contract';
import { expect, LANGUAGES, SCHEMES, screenshot, test } from './fixtures';
import pkg from '../../package.json' with { type: 'json' };

const HEADINGS = { uk: 'Про цю інсталяцію', ru: 'Об этой установке', en: 'About this installation' };
const KEYCHAIN = { uk: 'доступне', ru: 'доступно', en: 'available' };

test.describe('app shell', () => {
  for (const lang of LANGUAGES) {
    for (const scheme of SCHEMES) {
      test(`renders app.info from the real core (${lang}, ${scheme})`, async ({ page, open }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await open(`?lang=${lang}`);
        await expect(page.getByRole('heading', { name: HEADINGS[lang] })).toBeVisible();
        await expect(page.getByTestId('app-version')).toHaveText(pkg.version);
        await expect(page.getByTestId('keychain-status')).toContainText(KEYCHAIN[lang]);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await screenshot(page, `shell-${lang}-${scheme}`);
      });
    }
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
