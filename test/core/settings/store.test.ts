import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../electron/core/errors';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Migration } from '../../../electron/core/settings/schema';
import { SettingsStore, type SettingsStoreOptions } from '../../../electron/core/settings/store';
import type { SettingsFileProblem } from '../../../electron/shared/settings';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

const NOW = new Date('2026-03-04T05:06:07.890Z');

async function setup(fileText?: string, options: Partial<SettingsStoreOptions> = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-settings-'));
  dirs.push(dir);
  if (fileText !== undefined) await fs.writeFile(path.join(dir, 'settings.json'), fileText);
  const problems: SettingsFileProblem[] = [];
  const store = new SettingsStore({ dir, now: () => NOW, onProblem: (p) => problems.push(p), ...options });
  const readFile = async (name = 'settings.json') => fs.readFile(path.join(dir, name), 'utf8');
  return { dir, store, problems, readFile, list: async () => (await fs.readdir(dir)).sort() };
}

const v1 = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, ...DEFAULT_SETTINGS, ...fields }, null, 2);

describe('the settings file', () => {
  it('starts from the defaults when there is no file, without writing one', async () => {
    const { store, list } = await setup();
    const settings = await store.get();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings).toMatchObject({ holdLifetimeHours: 168, payLinkLifetimeHours: 72, language: 'uk' });
    expect(await list()).toEqual([]);
  });

  it('is written with its version and read back by the next start', async () => {
    const { dir, store, readFile } = await setup();
    await store.update((s) => ({ ...s, managerName: 'Olena', holdLifetimeHours: 48 }));
    expect(JSON.parse(await readFile())).toMatchObject({ version: SETTINGS_VERSION, managerName: 'Olena' });
    expect(await new SettingsStore({ dir }).get()).toMatchObject({
      managerName: 'Olena',
      holdLifetimeHours: 48,
    });
  });

  it.each([
    ['not JSON', '{"version": 1, "managerName": ', /^It is not valid JSON/],
    ['without a version', JSON.stringify({ managerName: 'x' }), /^It has no settings version number\.$/],
    [
      'with an invalid value',
      v1({ holdLifetimeHours: -5 }),
      /holdLifetimeHours: The hold lifetime must be at least 1 hour/,
    ],
    [
      'with an unknown field',
      v1({ apiKey: 'x' }),
      /apiKey: "apiKey" is not a field this version of UAPAY Desk knows/,
    ],
  ])('moves a file %s aside, reports it and never overwrites it', async (_, text, detail) => {
    const { store, problems, readFile, list } = await setup(text);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    const movedTo = 'settings.corrupt-2026-03-04T05-06-07-890Z.json';
    expect(store.fileProblem()).toEqual({
      reason: 'corrupt',
      movedTo,
      detail: expect.stringMatching(detail) as string,
    });
    expect(problems).toEqual([store.fileProblem()]);
    expect(await readFile(movedTo)).toBe(text);

    await store.update((s) => ({ ...s, managerName: 'Fresh start' }));
    expect(await list()).toEqual([movedTo, 'settings.json']);
    expect(await readFile(movedTo)).toBe(text);
  });

  it('moves a file of a newer version aside and says which version it was', async () => {
    const text = JSON.stringify({ version: 7, somethingNew: true });
    const { store, problems, readFile } = await setup(text);
    await store.get();
    expect(problems).toEqual([
      {
        reason: 'newer',
        version: 7,
        movedTo: 'settings.newer-v7-2026-03-04T05-06-07-890Z.json',
        detail: 'A newer UAPAY Desk wrote it (settings version 7; this version reads up to 1).',
      },
    ]);
    expect(await readFile('settings.newer-v7-2026-03-04T05-06-07-890Z.json')).toBe(text);
  });

  it('does not overwrite an earlier file moved aside at the same moment', async () => {
    const first = await setup('garbage one');
    await first.store.get();
    await fs.writeFile(path.join(first.dir, 'settings.json'), 'garbage two');
    await new SettingsStore({ dir: first.dir, now: () => NOW }).get();
    expect(await first.list()).toEqual([
      'settings.corrupt-2026-03-04T05-06-07-890Z-2.json',
      'settings.corrupt-2026-03-04T05-06-07-890Z.json',
    ]);
  });

  it('migrates an old version step by step, keeping a copy of the old file', async () => {
    // Version 1 is the first shipped format; this table stands for a future step from 0.
    const migrations: Record<number, Migration> = {
      0: ({ version: _v, holdDays, ...rest }) => ({
        ...DEFAULT_SETTINGS,
        ...rest,
        holdLifetimeHours: Number(holdDays) * 24,
      }),
    };
    const old = JSON.stringify({ version: 0, holdDays: 3, managerName: 'Old' });
    const { store, readFile, list } = await setup(old, { migrations });
    expect(await store.get()).toMatchObject({ holdLifetimeHours: 72, managerName: 'Old' });
    expect(store.fileProblem()).toBeUndefined();
    expect(JSON.parse(await readFile())).toMatchObject({ version: 1, holdLifetimeHours: 72 });
    expect(await list()).toEqual(['settings.json', 'settings.v0-2026-03-04T05-06-07-890Z.json']);
    expect(await readFile('settings.v0-2026-03-04T05-06-07-890Z.json')).toBe(old);
  });

  it('moves aside an old version it has no step for', async () => {
    const { store } = await setup(JSON.stringify({ version: 0 }));
    await store.get();
    expect(store.fileProblem()).toMatchObject({
      reason: 'corrupt',
      detail: 'Settings version 0 is not one this app can upgrade (it knows 1).',
    });
  });

  it('keeps every one of many concurrent changes', async () => {
    const { dir, store } = await setup();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.update(async (s) => {
          await new Promise((resolve) => setImmediate(resolve));
          return { ...s, statusMapping: { ...s.statusMapping, paid: `${s.statusMapping.paid ?? ''}${i},` } };
        }),
      ),
    );
    const expected = Array.from({ length: 25 }, (_, i) => `${i},`).join('');
    expect((await store.get()).statusMapping.paid).toBe(expected);
    expect((await new SettingsStore({ dir }).get()).statusMapping.paid).toBe(expected);
  });

  it('refuses invalid settings with the field and the reason, and changes nothing', async () => {
    const { store, list } = await setup();
    const error = await store
      .update((s) => ({ ...s, payLinkLifetimeHours: 0.5, language: 'de' as 'uk' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).info.issues).toEqual([
      {
        path: 'payLinkLifetimeHours',
        code: 'invalid_type',
        message: 'The payment link lifetime must be a whole number of hours.',
      },
      { path: 'language', code: 'invalid_value', message: 'The language must be uk, ru or en.' },
    ]);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await list()).toEqual([]);
  });

  it('keeps the settings in memory as on disk when a write fails', async () => {
    const failing = { ...fs, rename: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    const { store } = await setup(v1({ managerName: 'On disk' }), { fs: failing });
    await expect(store.update((s) => ({ ...s, managerName: 'Lost' }))).rejects.toThrow('ENOSPC');
    expect((await store.get()).managerName).toBe('On disk');
  });

  it('hands out copies, so a caller cannot change the settings behind the store', async () => {
    const { store } = await setup();
    const settings = await store.get();
    settings.merchants.push({} as never);
    expect((await store.get()).merchants).toEqual([]);
  });
});

describe('a relay over plain http to another machine', () => {
  const relay = (origin: string) => ({
    callbackUrl: `${origin}/uapay/callback/abc`,
    eventsUrl: `${origin}/events/abc`,
  });

  it('cannot be saved; https, or http on this machine, can', async () => {
    const { store } = await setup();
    await expect(store.update((s) => ({ ...s, relay: relay('http://relay.example.com') }))).rejects.toThrow(
      /relay callback address must be a full https address/,
    );
    for (const origin of ['https://relay.example.com', 'http://127.0.0.1:4030', 'http://localhost:4030'])
      expect((await store.update((s) => ({ ...s, relay: relay(origin) }))).relay).toEqual(relay(origin));
  });

  it('found in a settings file is dropped (pair again), and the other settings stay', async () => {
    const { store, problems } = await setup(
      v1({ managerName: 'Olena', relay: relay('http://relay.example.com') }),
    );
    expect(await store.get()).toMatchObject({ managerName: 'Olena', relay: null });
    expect(problems).toEqual([]);
  });
});
