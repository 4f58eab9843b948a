import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { BackgroundTiming } from '../../electron/core/background/round';
import { createDesk, type Desk } from '../../electron/core/desk';
import { defaultSettings, serializeSettings, SETTINGS_FILE } from '../../electron/core/settings/schema';
import type { Settings } from '../../electron/shared/settings';
import { deskInitArgs, installDesk } from '../harness/initScript';
import { startHarness, type Harness } from '../harness/server';
import { testKeychain } from '../support/keychain';
import { SCREENSHOTS } from '../playwright.config';
import { RENDERER_DIR } from './globalSetup';
import pkg from '../../package.json' with { type: 'json' };

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export const SCHEMES = ['light', 'dark'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Scheme = (typeof SCHEMES)[number];

/**
 * `desk`: a real core on a fresh user-data folder; the page is given `window.desk` before any of
 * its scripts run, and `open(query)` loads the built renderer from the harness.
 * `initialSettings` (an option) is written as the settings file before the core starts: settings
 * fields over the defaults, or the file's raw text.
 */
export type TestDesk = Desk & { harness: Harness; userDataDir: string };

export const test = base.extend<{
  initialSettings: Partial<Settings> | string | undefined;
  /** Where the core sends every UAPAY call (a sandbox the test starts); UAPAY's own hosts otherwise. */
  uapayBaseUrl: string | undefined;
  /** Orders the Demo sandbox seeds (an option: a test of the list itself asks for thousands). */
  demoSize: number;
  /**
   * The own workspace's background round. Off unless a test asks (the app's default is on, proven
   * in test/core/background): these tests drive refresh and sync through the UI and count on it.
   */
  background: BackgroundTiming | false;
  desk: TestDesk;
  open: (query?: string) => Promise<void>;
}>({
  initialSettings: [undefined, { option: true }],
  // A small Demo shop keeps each test quick.
  demoSize: [60, { option: true }],
  uapayBaseUrl: [undefined, { option: true }],
  background: [false, { option: true }],
  desk: async ({ page, initialSettings, demoSize, uapayBaseUrl, background }, use) => {
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-browser-'));
    if (initialSettings !== undefined) {
      const text =
        typeof initialSettings === 'string'
          ? initialSettings
          : serializeSettings({ ...defaultSettings(), ...initialSettings });
      await writeFile(path.join(userDataDir, SETTINGS_FILE), text);
    }
    const desk = createDesk({
      appName: pkg.productName,
      appVersion: pkg.version,
      userDataDir,
      shell: 'harness',
      secrets: testKeychain(),
      ...(uapayBaseUrl && { uapayBaseUrl }),
      demoSize,
      background,
    });
    const harness = await startHarness(desk, RENDERER_DIR);
    await page.addInitScript(installDesk, deskInitArgs(harness.token));
    await use({ ...desk, harness, userDataDir });
    // The page goes first: its open event stream would otherwise keep the harness from closing.
    await page.close();
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

export interface Look {
  page: Page;
  open: (query?: string) => Promise<void>;
  desk: TestDesk;
  lang: Lang;
  scheme: Scheme;
}

/** A screenshot test as `test` takes it: its name, then its body. */
export type LookTest = [name: string, body: (fixtures: Omit<Look, 'lang' | 'scheme'>) => Promise<void>];

/**
 * The screenshot tests: one per language and colour scheme, named `<name> (<lang>, <scheme>)`. The
 * page draws in the scheme and the core speaks the language before `walk` runs; `timeout` for a
 * long walk. The spec declares them itself (`for (const look of looks) test(...look)`), so each is
 * reported at the spec's line rather than here.
 */
export function everyLook(name: string, walk: (look: Look) => Promise<void>, timeout?: number): LookTest[] {
  return LANGUAGES.flatMap((lang) =>
    SCHEMES.map((scheme): LookTest => [
      `${name} (${lang}, ${scheme})`,
      async ({ page, open, desk }) => {
        if (timeout !== undefined) test.setTimeout(timeout);
        await page.emulateMedia({ colorScheme: scheme });
        await desk.handlers['settings.update']({ language: lang });
        await walk({ page, open, desk, lang, scheme });
      },
    ]),
  );
}

/**
 * Saves `test-results/screenshots/<name>.png`, the name being `<screen>-<lang>-<scheme>`. The
 * frame scrolls inside its main area, so the window is made tall enough for all of it first:
 * the picture then shows the whole screen, nothing hidden below the fold.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  const hidden = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
  });
  if (size && hidden > 0) await page.setViewportSize({ width: size.width, height: size.height + hidden });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
  if (size && hidden > 0) await page.setViewportSize(size);
}
