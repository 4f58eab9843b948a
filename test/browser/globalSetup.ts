import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { SYSTEM_CHROMIUM } from '../playwright.config';

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');

export default function globalSetup(): void {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first (`npm test` does).');
  }
  if (!SYSTEM_CHROMIUM && !existsSync(chromium.executablePath())) {
    // A developer machine without Chromium: fetch Playwright's own (needs the network once).
    execFileSync(
      process.execPath,
      [createRequire(import.meta.url).resolve('@playwright/test/cli'), 'install', 'chromium'],
      {
        stdio: 'inherit',
      },
    );
  }
}
