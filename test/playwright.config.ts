import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests (the real renderer and core through the harness) and the Electron smoke test.
 * Debian's Chromium is used where it is installed, because the build machines cannot download
 * Playwright's own browser; elsewhere Playwright's browser is installed on first run.
 */
export const SYSTEM_CHROMIUM = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((candidate): candidate is string => !!candidate && existsSync(candidate));

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results/playwright',
  globalSetup: './browser/globalSetup.ts',
  forbidOnly: !!process.env.CI,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    // The OS locale decides how Chromium draws date inputs; a Ukrainian desktop is the common case.
    locale: 'uk-UA',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', testMatch: 'browser/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
