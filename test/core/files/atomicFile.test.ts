import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeLeftoverTemps, writeFileAtomic } from '../../../electron/core/files/atomicFile';
import { SettingsStore } from '../../../electron/core/settings/store';

const root = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-settings-'));
  dirs.push(dir);
  return dir;
}

describe('atomic writes', () => {
  it('replaces the file and leaves nothing else in the folder', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps the old file intact when the rename fails, and removes its temporary file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFileAtomic(file, 'old');
    const failingRename = () =>
      Promise.reject(Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' }));
    await expect(writeFileAtomic(file, 'new', { ...fs, rename: failingRename })).rejects.toThrow('EPERM');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps the old settings when the process is killed between writing and renaming', async () => {
    const dir = await tempDir();
    const store = new SettingsStore({ dir });
    await store.update((s) => ({ ...s, managerName: 'Before' }));
    const before = await fs.readFile(store.file, 'utf8');

    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/crashBeforeRename.ts'), dir, 'After'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(await fs.readFile(store.file, 'utf8')).toBe(before);
    const left = (await fs.readdir(dir)).filter((name) => name !== 'settings.json');
    expect(left).toHaveLength(1); // the flushed temporary file the crash left behind
    expect(await fs.readFile(path.join(dir, left[0] ?? ''), 'utf8')).toContain('"managerName": "After"');

    // The next start reads the old file and clears the leftover.
    const restarted = new SettingsStore({ dir });
    expect((await restarted.get()).managerName).toBe('Before');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('removes only temporary files of the given file', async () => {
    const dir = await tempDir();
    for (const name of ['.settings.json.12.ab.tmp', '.journal.12.ab.tmp', 'settings.json', 'notes.tmp'])
      await fs.writeFile(path.join(dir, name), 'x');
    expect(await removeLeftoverTemps(path.join(dir, 'settings.json'))).toEqual(['.settings.json.12.ab.tmp']);
    expect((await fs.readdir(dir)).sort()).toEqual(['.journal.12.ab.tmp', 'notes.tmp', 'settings.json']);
  });
});
