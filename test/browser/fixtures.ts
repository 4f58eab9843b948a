import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createDesk, type Desk } from '../../electron/core/desk';
import { deskInitArgs, installDesk } from '../harness/initScript';
import { startHarness, type Harness } from '../harness/server';
import { testKeychain } from '../support/keychain';
import { SCREENSHOTS } from '../playwright.config';
import { RENDERER_DIR } from './globalSetup';
import pkg from '../../package.json' with { type: 'json' };

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export const SCHEMES = ['light', 'dark'] as const;

/**
 * `desk`: a real core on a fresh user-data folder; the page is given `window.desk` before any of
 * its scripts run, and `open(query)` loads the built renderer from the harness.
 */
export const test = base.extend<{
  desk: Desk & { harness: Harness };
  open: (query?: string) => Promise<void>;
}>({
  desk: async ({ page }, use) => {
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-browser-'));
    const desk = createDesk({
      appName: pkg.productName,
      appVersion: pkg.version,
      userDataDir,
      shell: 'harness',
      secrets: testKeychain(),
    });
    const harness = await startHarness(desk, RENDERER_DIR);
    await page.addInitScript(installDesk, deskInitArgs(harness.token));
    await use({ ...desk, harness });
    await harness.close();
    await desk.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  open: async ({ page, desk }, use) => {
    await use(async (query = '') => {
      await page.goto(`${desk.harness.url}/${query}`);
    });
  },
});

export { expect } from '@playwright/test';

/** Saves `test-results/screenshots/<name>.png`, the name being `<screen>-<lang>-<scheme>`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
