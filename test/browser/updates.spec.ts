import type { UpdateDriver } from '../../electron/core/updates/center';
import type { InstallFacts } from '../../electron/core/updates/policy';
import { dismissToasts, fill, openSettings, ui } from './ui';
import { expect, screenshot, test } from './fixtures';

const FEED = 'https://updates.example.com/desk/';
/** An installed, signed Windows copy built with FEED as its update feed. */
const INSTALLED: InstallFacts = {
  isPackaged: true,
  platform: 'win32',
  buildFeed: FEED,
  verifiesSignature: true,
};

/**
 * Stands in for electron-updater (electron/main/updater.ts) the way main wires it: a check
 * reports what the feed had; `restart` counts the person's yes. The center itself is the real one.
 */
function fakeUpdater(onCheck: (feed: string) => Promise<void>) {
  const calls = { checks: [] as string[], restarts: 0 };
  const driver: UpdateDriver = {
    check: async (feed) => {
      calls.checks.push(feed);
      await onCheck(feed);
    },
    restart: () => {
      calls.restarts += 1;
    },
  };
  return { driver, calls };
}

test.describe('updates', () => {
  test('the harness copy says it cannot update itself and offers no check', async ({ page, open }) => {
    const t = ui('en');
    await open('?lang=en');
    await openSettings(page, 'en', 'about');
    const state = page.getByTestId('update-state');
    await expect(state).toHaveAttribute('data-state', 'off');
    await expect(state).toContainText(t.updates.off.unsupported);
    await expect(state).toContainText(t.updates.offHelp.unsupported);
    await expect(page.getByRole('button', { name: t.updates.checkNow })).toBeDisabled();
  });

  test('a build without a feed says so, and a team profile cannot add one', async ({ page, open, desk }) => {
    const t = ui('uk');
    const { driver, calls } = fakeUpdater(async () => undefined);
    desk.updates.start(driver, { isPackaged: true, platform: 'win32' });
    await desk.workspace().settings.setUpdateFeedUrl(FEED);
    await open();
    await openSettings(page, 'uk', 'about');
    const state = page.getByTestId('update-state');
    await expect(state).toHaveAttribute('data-state', 'off');
    await expect(state).toContainText(t.updates.off.noFeed);
    await expect(state).toContainText(t.updates.offHelp.noFeed);
    await dismissToasts(page, 'uk');
    await screenshot(page, 'settings-about-updates-off-uk-light');
    await page.getByRole('button', { name: t.updates.checkNow }).click();
    await expect(state).toHaveAttribute('data-state', 'off');
    expect(calls.checks).toEqual([]);
  });

  test("Check now downloads from the build's feed, and the banner asks before restarting", async ({
    page,
    open,
    desk,
  }) => {
    const t = ui('uk');
    const { driver, calls } = fakeUpdater(async () => {
      desk.updates.report({ type: 'available', version: '2.0.0' });
      desk.updates.report({ type: 'progress', percent: 42.7 });
    });
    desk.updates.start(driver, INSTALLED);
    await open();
    await openSettings(page, 'uk', 'about');
    const state = page.getByTestId('update-state');
    await dismissToasts(page, 'uk');
    await page.getByRole('button', { name: t.updates.checkNow }).click();
    await expect(state).toHaveAttribute('data-state', 'downloading');
    await expect(state).toContainText(fill(t.updates.downloading, { version: '2.0.0', percent: 42 }));
    await expect(page.getByRole('progressbar', { name: t.updates.progressLabel })).toHaveAttribute(
      'value',
      '42',
    );
    expect(calls.checks).toEqual([FEED]);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);

    desk.updates.report({ type: 'downloaded', version: '2.0.0' });
    const banner = page.getByRole('region', { name: t.updates.bannerLabel });
    await expect(banner).toContainText(fill(t.updates.ready, { version: '2.0.0' }));
    await expect(state).toHaveAttribute('data-state', 'ready');
    await screenshot(page, 'settings-about-update-ready-uk-light');
    expect(calls.restarts).toBe(0); // nothing restarts on its own

    // "Later": the banner goes; the status bar and About keep the offer.
    await banner.getByRole('button', { name: t.updates.later }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('contentinfo', { name: t.status.label })).toContainText(
      fill(t.status.updateReady, { version: '2.0.0' }),
    );
    expect(calls.restarts).toBe(0);
    await page.getByRole('button', { name: t.updates.restartNow }).click();
    await expect.poll(() => calls.restarts).toBe(1);
  });

  test('the banner restarts only when Restart now is pressed', async ({ page, open, desk }) => {
    const t = ui('ru');
    const { driver, calls } = fakeUpdater(async () => undefined);
    desk.updates.start(driver, INSTALLED);
    desk.updates.report({ type: 'downloaded', version: '3.1.4' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await open('?lang=ru');
    const banner = page.getByRole('region', { name: t.updates.bannerLabel });
    await expect(banner).toContainText(fill(t.updates.ready, { version: '3.1.4' }));
    await dismissToasts(page, 'ru');
    await screenshot(page, 'update-banner-ru-dark');
    expect(calls.restarts).toBe(0);
    await banner.getByRole('button', { name: t.updates.restartNow }).click();
    await expect.poll(() => calls.restarts).toBe(1);
  });

  test('a failed check is said in words, with the next step and the updater’s own line', async ({
    page,
    open,
    desk,
  }) => {
    const t = ui('en');
    const { driver } = fakeUpdater(async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND updates.example.com\n    at stack line'), {
        code: 'ENOTFOUND',
      });
    });
    desk.updates.start(driver, INSTALLED);
    await open('?lang=en');
    await openSettings(page, 'en', 'about');
    const state = page.getByTestId('update-state');
    await expect(state).toHaveAttribute('data-state', 'idle');
    await expect(state).toContainText(t.updates.notCheckedYet);
    await page.getByRole('button', { name: t.updates.checkNow }).click();
    await expect(state).toHaveAttribute('data-state', 'error');
    await expect(state).toContainText(t.updates.problems.unreachable);
    await expect(state).toContainText(t.updates.problemHelp.unreachable);
    await expect(state.getByRole('blockquote')).toHaveText('getaddrinfo ENOTFOUND updates.example.com');
    // The next try is allowed at once.
    await expect(page.getByRole('button', { name: t.updates.checkNow })).toBeEnabled();
    await dismissToasts(page, 'en');
    await screenshot(page, 'settings-about-update-error-en-light');
  });
});
