/**
 * electron-builder.yml, read and validated by electron-builder's own loader and JSON schema
 * (offline), so a typo fails here rather than in a release build; and the choices the installers
 * depend on, pinned.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// app-builder-lib is electron-builder's own; resolved from it, as electron-builder resolves it.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: Configuration | null,
  ): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = createRequire(fromBuilder.resolve('app-builder-lib'))('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

const load = () => getConfig(root, null, null);
const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false));

describe('electron-builder configuration', () => {
  it('lives in one place: electron-builder.yml, with no "build" key in package.json to shadow it', async () => {
    const pkg = createRequire(import.meta.url)('../../package.json') as Record<string, unknown>;
    expect(pkg.build).toBeUndefined();
    expect((await load()).appId).toBe('ua.uapaydesk.app');
  });

  it("passes electron-builder's schema", async () => {
    await expect(validate(await load())).resolves.toBeUndefined();
  });

  it.each([
    ['a misspelt option', (c: Configuration) => ({ ...c, nsis: { ...c.nsis, oneclick: true } })],
    [
      'an option in the wrong place',
      (c: Configuration) => ({ ...c, win: { ...c.win, hardenedRuntime: true } }),
    ],
    ['a wrong type', (c: Configuration) => ({ ...c, asar: 'yes' })],
  ])('fails on %s (the check is real)', async (_, mutate) => {
    await expect(validate(mutate(await load()) as Configuration)).rejects.toThrow(
      /Invalid configuration object/,
    );
  });

  it('installs per user on Windows, without administrator rights', async () => {
    const { nsis, win } = await load();
    expect(win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
  });

  it('builds a universal, hardened dmg (and the zip updates need) on macOS, notarized by the hook', async () => {
    const { mac, afterSign } = await load();
    expect(mac?.target).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ]);
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: false });
    expect(afterSign).toBe('./build/notarize.mjs');
  });

  it('builds an AppImage and a deb that needs a Secret Service provider', async () => {
    const { linux, deb } = await load();
    expect(linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(deb?.depends).toContain('gnome-keyring | kwalletmanager');
  });

  it('registers the team profile file type', async () => {
    expect((await load()).fileAssociations).toEqual([
      expect.objectContaining({ ext: 'uapaydesk', mimeType: 'application/x-uapaydesk-profile' }),
    ]);
  });

  it('fixes the update feed at build time (the release workflow sets its address) and signs for Windows updates', async () => {
    const config = await load();
    expect(config.publish).toEqual({ provider: 'generic', url: 'https://updates.invalid/uapay-desk' });
    expect(config.win).toMatchObject({
      verifyUpdateCodeSignature: true,
      signtoolOptions: { publisherName: 'UAPAY Desk contributors' },
    });
  });

  it('flips the Electron fuses that would let someone run code inside the installed app', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points only at files that exist: icons, entitlements, the hook', async () => {
    const config = await load();
    const referenced = [
      config.win?.icon,
      config.mac?.icon,
      config.linux?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.afterSign,
    ];
    for (const file of referenced) {
      expect(typeof file, String(file)).toBe('string');
      expect(existsSync(path.join(root, file as string)), String(file)).toBe(true);
    }
  });
});
