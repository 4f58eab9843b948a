import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import type { DeskApi } from '../../electron/shared/contract';
import pkg from '../../package.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The Electron binary, or why there is none. Read from the package's files rather than by
 * requiring `electron`, which would try to download the binary (the build machines cannot).
 */
function electronBinary(): { path: string } | { reason: string } {
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason: 'the Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
    };
  }
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: `the Electron binary is missing at ${binary}` };
}

test('the real app starts, renders app.info and keeps its window locked down', async () => {
  const binary = electronBinary();
  if ('reason' in binary) {
    console.log(`[electron e2e] skipped: ${binary.reason}. It runs wherever Electron is installed.`);
    test.skip(true, binary.reason);
    return;
  }
  const userData = await mkdtemp(path.join(os.tmpdir(), 'desk-electron-'));
  const app = await _electron.launch({
    executablePath: binary.path,
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, DESK_USER_DATA_DIR: userData },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('app-version')).toHaveText(pkg.version);
    expect(await window.evaluate(() => location.href)).toBe('app://desk/index.html');
    // Isolated and sandboxed: the page sees the contract object and nothing of Node or Electron.
    expect(
      await window.evaluate(() => ({
        process: typeof (globalThis as { process?: unknown }).process,
        require: typeof (globalThis as { require?: unknown }).require,
        desk: Object.isFrozen((globalThis as unknown as { desk: DeskApi }).desk),
      })),
    ).toEqual({ process: 'undefined', require: 'undefined', desk: true });
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect(windows).toBe(1);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
