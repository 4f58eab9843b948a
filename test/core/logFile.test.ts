import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryKeychain } from '../../electron/core/demo/memoryKeychain';
import type { Desk } from '../../electron/core/desk';
import { log } from '../../electron/core/log';
import { LOG_FILE, LOG_FILE_SIZE, LOG_FILES_KEPT, openLogFile } from '../../electron/core/logFile';
import { RETAILCRM_API_KEY } from '../../electron/core/secrets/accounts';
import { Secrets } from '../../electron/core/secrets/secrets';
import { scanForSecrets } from '../support/secretScan';
import { openDeskOnShop, openShop, type Shop } from './bulk/support';

const dirs: string[] = [];
let desk: Desk | undefined;
let shop: Shop | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  await shop?.close();
  shop = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-logfile-'));
  dirs.push(dir);
  return dir;
}

/** Runs `body` with stderr swallowed (megabytes of test lines would drown the report). */
async function quietly(body: () => Promise<void> | void): Promise<void> {
  const original = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await body();
  } finally {
    process.stderr.write = original;
  }
}

const MEGABYTE = 1024 * 1024;
const fileSize = Number(LOG_FILE_SIZE.replace('M', '')) * MEGABYTE;

describe('the log file', () => {
  it('is in the user-data folder after a run, with the round’s failure in it', async () => {
    const keychain = memoryKeychain();
    shop = await openShop({ secretStore: keychain });
    // RetailCRM does not answer: the round fails, and that must leave a trail.
    shop.sandbox.retailcrm.fake.control.injectFault({ route: '*', kind: 'drop' });
    desk = openDeskOnShop(shop, keychain, {
      connections: { retailCrm: { attempts: 1, backoffMs: 5 } },
      background: { syncMs: 50, refreshMs: 50 },
    });
    while (!desk.workspace().background.status().lastFailure) await new Promise((r) => setTimeout(r, 20));
    await desk.close();
    desk = undefined;

    const file = path.join(shop.dir, 'logs', LOG_FILE);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const failure = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.message === 'background: a round step failed; the next round tries again');
    expect(failure).toMatchObject({
      level: 'warn',
      step: 'refresh',
      service: 'retailcrm',
      unreachable: true,
    });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it(`rotates at ${LOG_FILE_SIZE} and keeps ${LOG_FILES_KEPT} older files`, async () => {
    const dir = await tempDir();
    const file = openLogFile(dir);
    const filler = 'x'.repeat(1000);
    const lineBytes = Buffer.byteLength(
      JSON.stringify({ time: new Date().toISOString(), level: 'info', message: 'filler', filler }) + '\n',
    );
    const perFile = Math.ceil(fileSize / lineBytes);
    await quietly(async () => {
      for (let i = 0; i < perFile - 10; i++) log.info('filler', { filler });
      await file.flush();
    });
    expect(await readdir(file.folder)).toEqual([LOG_FILE]);

    await quietly(async () => {
      for (let i = 0; i < 20; i++) log.info('filler', { filler });
      await file.flush();
    });
    expect((await readdir(file.folder)).sort()).toEqual([LOG_FILE, `${LOG_FILE}.1`]);
    const rotated = (await stat(path.join(file.folder, `${LOG_FILE}.1`))).size;
    expect(rotated).toBeGreaterThanOrEqual(fileSize);
    expect(rotated).toBeLessThan(fileSize + 2 * lineBytes);

    await quietly(async () => {
      for (let i = 0; i < perFile * (LOG_FILES_KEPT + 1); i++) log.info('filler', { filler });
      await file.flush();
    });
    await file.close();
    const kept = Array.from({ length: LOG_FILES_KEPT }, (_, i) => `${LOG_FILE}.${i + 1}`);
    expect((await readdir(file.folder)).sort()).toEqual([LOG_FILE, ...kept].sort());
  });

  it('holds no secret the core saw, in any encoding', async () => {
    const dir = await tempDir();
    const file = openLogFile(dir);
    const key = 'log-file-secret+/="key"-7f3a';
    await new Secrets(memoryKeychain()).save(RETAILCRM_API_KEY, key);
    await quietly(async () => {
      log.warn('a request failed', {
        url: `https://shop.example/api?apiKey=${encodeURIComponent(key)}`,
        body: { key },
      });
      log.error('unexpected', { error: new Error(`refused ${key}`) });
      await file.close();
    });
    const text = await readFile(path.join(file.folder, LOG_FILE), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(scanForSecrets([file.folder], [], [key])).toEqual([]);
  });
});
