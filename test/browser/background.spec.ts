/**
 * The background round (the desk reading RetailCRM and asking UAPAY on its own, on a timer) as the
 * status bar shows it: a shop on a sandbox this test starts, the round at a test's pace. The bar
 * says when it last looked; when RetailCRM stops answering it says so, with the time of the next
 * try, and goes back once RetailCRM answers. Photographed in each language as
 * test-results/screenshots/status-background-<state>-<lang>-light.png.
 */
import { useSandbox } from '../../electron/core/demo/useSandbox';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { expect, LANGUAGES, screenshot, test } from './fixtures';
import { ui } from './ui';

// Playwright reads the fixtures a fixture needs from its destructuring pattern: none here.
/* eslint-disable no-empty-pattern */
const shop = test.extend<{ sandbox: Sandbox }>({
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ size: 20 });
    await use(sandbox);
    await sandbox.stop();
  },
  uapayBaseUrl: async ({ sandbox }, use) => use(sandbox.uapay.url),
});
/* eslint-enable no-empty-pattern */

/** The words of a catalogue text before its first placeholder (the time varies). */
const before = (text: string) => text.split('{{')[0]!;

shop.describe('the background round in the status bar', () => {
  shop.use({ background: { syncMs: 400, refreshMs: 400 } });

  for (const lang of LANGUAGES) {
    shop(
      `shows the last check, then RetailCRM out of reach and back (${lang})`,
      async ({ page, open, desk, sandbox }) => {
        const t = ui(lang);
        const ws = desk.workspace();
        await useSandbox(ws.settings, ws.secrets, sandbox);
        await ws.settings.updateGeneral({ language: lang });
        await open();
        const item = page.locator('[data-status="background"]');
        await expect(item).toContainText(before(t.status.backgroundAt));
        await expect(item).toHaveAttribute('title', new RegExp(before(t.status.backgroundTitle)));
        await screenshot(page, `status-background-ok-${lang}-light`);

        sandbox.retailcrm.fake.control.injectFault({ route: '*', kind: 'drop' });
        await expect(item).toContainText(before(t.status.backgroundRetailCrmDown), { timeout: 20_000 });
        await expect(item).toHaveClass(/status-bad/);
        await screenshot(page, `status-background-unreachable-${lang}-light`);

        sandbox.retailcrm.fake.control.clearFaults();
        await expect(item).toContainText(before(t.status.backgroundAt), { timeout: 20_000 });
        // The problem stays in the tooltip, with its time.
        await expect(item).toHaveAttribute(
          'title',
          new RegExp(before(t.status.backgroundFailure).replace('(', '\\(')),
        );
      },
    );
  }
});
