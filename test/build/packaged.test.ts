/**
 * What the installers contain, proven on the real layout: electron-builder `--dir` packs this
 * project with its own configuration into an app.asar, offline (a stub stands in for the Electron
 * binary, nothing is rebuilt, and the build runs without any network where Linux lets us take it
 * away), and the archive's listing is checked file by file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../electron/sandbox/seed/account';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const BUNDLES = ['main/index.cjs', 'preload/index.cjs', 'renderer/index.html'];
/** What each bundle's build writes beside it: the licences of the packages bundled into it. */
const NOTICES = 'THIRD-PARTY-NOTICES.md';

/** The bundles the app runs; built here when a fresh checkout has none (`npm test` builds first). */
function ensureBuilt(): void {
  if (BUNDLES.every((file) => existsSync(path.join(dist, file)))) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

/** Every file under `dir`, as paths relative to `base` with forward slashes. */
function walk(dir: string, base: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Can this process take the network away from a child (Linux, root or user namespaces)? */
function canUnshareNetwork(): boolean {
  return process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;
}

/** Electron's fuse wire as it ships (v1, 8 fuses): what the configuration must change. */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const; // '0' and '1', as @electron/fuses writes them
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_FUSES = [
  FuseState.ENABLE, // RunAsNode
  FuseState.DISABLE, // EnableCookieEncryption
  FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
  FuseState.ENABLE, // EnableNodeCliInspectArguments
  FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
  FuseState.DISABLE, // OnlyLoadAppFromAsar
  FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
  FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
];
const STOCK_FUSE_WIRE = Buffer.concat([
  Buffer.from(SENTINEL),
  Buffer.from([1, STOCK_FUSES.length, ...STOCK_FUSES]),
]);

const work = mkdtempSync(path.join(os.tmpdir(), 'desk-pack-'));
let appDir = '';
let listing: string[] = [];
let offline = '';

beforeAll(() => {
  ensureBuilt();
  // An "Electron" that is only a shell script: electron-builder copies it and renames it to the
  // executable name, exactly as it does the real binary. It carries a fuse wire as Electron ships
  // it (after a comment sign the shell never reads), so @electron/fuses flips it as it would.
  const electronDist = path.join(work, 'electron');
  mkdirSync(path.join(electronDist, 'locales'), { recursive: true });
  writeFileSync(
    path.join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stub Electron: not runnable"\nexit 1\n# '),
      STOCK_FUSE_WIRE,
      Buffer.from('\n'),
    ]),
  );
  chmodSync(path.join(electronDist, 'electron'), 0o755);
  for (const locale of ['uk', 'ru', 'en-US', 'de'])
    writeFileSync(path.join(electronDist, 'locales', `${locale}.pak`), '');

  const script = path.join(root, 'test/build/packDir.mjs');
  const args = [script, electronDist, path.join(work, 'release')];
  const unshare = canUnshareNetwork();
  offline = unshare ? 'no network at all (unshare -n)' : 'downloads pointed at a closed loopback port';
  const loopbackOnly = 'http://127.0.0.1:9/';
  const run = spawnSync(
    unshare ? 'unshare' : process.execPath,
    unshare ? ['-n', process.execPath, ...args] : args,
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...process.env,
        // Anything electron-builder would fetch (Electron, its tool bundles) fails at once instead.
        ELECTRON_MIRROR: loopbackOnly,
        ELECTRON_BUILDER_BINARIES_MIRROR: loopbackOnly,
        ELECTRON_BUILDER_CACHE: path.join(work, 'cache'),
        ELECTRON_CACHE: path.join(work, 'cache'),
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
    },
  );
  if (run.status !== 0)
    throw new Error(`electron-builder --dir failed (${offline}):\n${run.stdout}\n${run.stderr}`);
  appDir = run.stdout.trim().split('\n').at(-1) ?? '';
  listing = asar
    .listPackage(path.join(appDir, 'resources/app.asar'), { isPack: false })
    .map((entry) => entry.split(path.sep).join('/').replace(/^\//, ''));
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = () =>
  listing.filter((entry) => !('files' in asar.statFile(path.join(appDir, 'resources/app.asar'), entry)));

describe('the packed app (electron-builder --dir, offline)', () => {
  it('was built without any download', () => {
    // The caches electron-builder downloads into are still empty.
    expect(existsSync(path.join(work, 'cache')) ? readdirSync(path.join(work, 'cache')) : []).toEqual([]);
    expect(offline).not.toBe('');
  });

  it('has the real layout: the renamed executable, app.asar, and the update feed file', () => {
    expect(existsSync(path.join(appDir, 'uapay-desk'))).toBe(true);
    expect(existsSync(path.join(appDir, 'resources/app.asar'))).toBe(true);
    expect(readFileSync(path.join(appDir, 'resources/app-update.yml'), 'utf8')).toMatch(
      /^provider: generic$/m,
    );
    // Only the app's languages are kept.
    expect(readdirSync(path.join(appDir, 'locales')).sort()).toEqual(['en-US.pak', 'ru.pak', 'uk.pak']);
  });

  it('has its Electron fuses flipped: no run-as-node, NODE_OPTIONS or --inspect; only its checked app.asar', async () => {
    const wire = (await getCurrentFuseWire(path.join(appDir, 'uapay-desk'))) as Record<number, number>;
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      fileProtocol: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      nodeOptions: FuseState.DISABLE,
      inspect: FuseState.DISABLE,
      asarIntegrity: FuseState.ENABLE,
      onlyAsar: FuseState.ENABLE,
      cookieEncryption: FuseState.ENABLE,
      fileProtocol: FuseState.DISABLE,
    });
  });

  it('holds the three bundles, package.json and the keychain addon, and nothing else', () => {
    const bundles = ['main', 'preload', 'renderer']
      .flatMap((dir) => walk(path.join(dist, dir), root))
      .filter((file) => !file.endsWith(`/${NOTICES}`));
    const keyringPackages = readdirSync(path.join(root, 'node_modules/@napi-rs'))
      .filter((name) => name === 'keyring' || name.startsWith('keyring-'))
      .map((name) => `node_modules/@napi-rs/${name}/`);
    expect(keyringPackages.length).toBeGreaterThanOrEqual(2); // the loader and this platform's binary
    const outside = files().filter(
      (file) =>
        file !== 'package.json' &&
        !bundles.includes(file) &&
        !keyringPackages.some((p) => file.startsWith(p)),
    );
    expect(outside).toEqual([]);
    expect(files()).toEqual(expect.arrayContaining(['package.json', ...bundles]));
    for (const pkg of keyringPackages)
      expect(
        files().some((file) => file.startsWith(pkg)),
        pkg,
      ).toBe(true);
  });

  it('leaves out sources, tests, the relay and its drivers, the sandbox sources and source maps', () => {
    // Each of these exists in the project, so leaving it out is the configuration's doing.
    for (const present of [
      'electron/sandbox',
      'electron/main/app.ts',
      'test',
      'renderer/App.tsx',
      'node_modules/better-sqlite3',
      'node_modules/pg',
    ]) {
      expect(existsSync(path.join(root, present)), present).toBe(true);
    }
    const forbidden = [
      /^electron\//,
      /^renderer\//,
      /^test\//,
      /^build\//,
      /^dist\/relay\//,
      /^node_modules\/(better-sqlite3|pg|pg-[a-z-]+|electron-updater|fastify|vite|electron)\//,
      /\.map$/,
      /\.tsx?$/,
      /THIRD-PARTY-NOTICES/,
      /(^|\/)\.env/,
    ];
    for (const pattern of forbidden)
      expect(
        listing.filter((entry) => pattern.test(entry)),
        String(pattern),
      ).toEqual([]);
  });

  it('ships the licence notices of the three bundles beside the archive, where a person can read them', () => {
    const shipped = path.join(appDir, 'resources/third-party-notices');
    expect(readdirSync(shipped).sort()).toEqual(['main.md', 'preload.md', 'renderer.md']);
    for (const bundle of ['main', 'preload', 'renderer'])
      expect(readFileSync(path.join(shipped, `${bundle}.md`), 'utf8'), bundle).toBe(
        readFileSync(path.join(dist, bundle, NOTICES), 'utf8'),
      );
  });

  it('unpacks the native keychain binary next to the archive, where Node can load it', () => {
    const unpacked = walk(
      path.join(appDir, 'resources/app.asar.unpacked'),
      path.join(appDir, 'resources/app.asar.unpacked'),
    );
    expect(unpacked.filter((file) => file.endsWith('.node'))).toEqual([
      expect.stringMatching(/^node_modules\/@napi-rs\/keyring-[^/]+\/keyring\.[^/]+\.node$/),
    ]);
  });

  it('packs a package.json that starts the bundled main and declares only the native addon', () => {
    const packed = JSON.parse(
      asar.extractFile(path.join(appDir, 'resources/app.asar'), 'package.json').toString(),
    ) as {
      main: string;
      dependencies?: Record<string, string>;
      devDependencies?: unknown;
    };
    expect(packed.main).toBe('dist/main/index.cjs');
    expect(Object.keys(packed.dependencies ?? {})).toEqual(['@napi-rs/keyring']);
    expect(packed.devDependencies).toBeUndefined();
  });
});

describe('the main bundle', () => {
  const mainDir = path.join(dist, 'main');
  const read = (file: string) => readFileSync(path.join(mainDir, file), 'utf8');
  const source = () => read('index.cjs');
  /** index.cjs and the chunks it loads on demand. */
  const code = () => readdirSync(mainDir).filter((file) => file.endsWith('.cjs'));

  it('carries electron-updater inside, and requires nothing but Node, Electron, the keychain addon and its own chunks', () => {
    expect(
      source(),
      'electron-updater is not in dist/main: is the bundle older than the code? npm run build',
    ).toContain('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND');
    const builtins = new Set(builtinModules);
    const files = code();
    expect(files).toContain('index.cjs');
    for (const file of files) {
      // A require inside a template literal is generated code (ajv's standalone mode), never run.
      const required = [...read(file).matchAll(/(?<![`\w.$])require\("([^"]+)"\)/g)].map(
        (match) => match[1]!,
      );
      const foreign = [...new Set(required)].filter(
        (name) =>
          !name.startsWith('node:') &&
          !builtins.has(name) &&
          name !== 'electron' &&
          name !== '@napi-rs/keyring' &&
          !(name.startsWith('./') && files.includes(name.slice(2))),
      );
      expect(foreign, file).toEqual([]);
    }
  });

  it('keeps the Demo sandbox out of the start: in a chunk of its own, which index.cjs loads on demand', () => {
    expect(source()).not.toContain(DEMO_API_KEY);
    const sandbox = code().filter((file) => file !== 'index.cjs' && read(file).includes(DEMO_API_KEY));
    expect(sandbox).toHaveLength(1);
    expect(source()).toContain(`require("./${sandbox[0]}")`);
  });

  /** Runs node with Electron stood in for; prints the dist/main files loaded, at exit. */
  function underStandInElectron(args: string[]) {
    // The stand-in says another instance runs, so startApp quits right after the modules load.
    const stub = path.join(work, 'electron-stub.cjs');
    writeFileSync(
      stub,
      `const Module = require('node:module');
const path = require('node:path');
const load = Module._load;
const noop = () => {};
const app = { isPackaged: true, setPath: noop, on: noop, requestSingleInstanceLock: () => false,
  quit: () => { process.stdout.write('QUIT-CALLED\\n'); } };
Module._load = function (request, ...rest) {
  if (request === 'electron') return { app, protocol: {}, net: {}, session: {}, ipcMain: {}, BrowserWindow: class {},
    nativeTheme: {}, shell: {}, dialog: {} };
  return load.call(this, request, ...rest);
};
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((file) => path.dirname(file) === ${JSON.stringify(mainDir)});
  process.stdout.write('LOADED ' + JSON.stringify(loaded.map((file) => path.basename(file)).sort()) + '\\n');
});\n`,
    );
    const run = spawnSync(process.execPath, ['--require', stub, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/Cannot find module|Error:/);
    const loaded = /^LOADED (.*)$/m.exec(run.stdout)?.[1];
    return { stdout: run.stdout, loaded: loaded ? (JSON.parse(loaded) as string[]) : undefined };
  }

  it('starts under a stand-in Electron with every module it needs (electron-updater included), and no chunk', () => {
    const run = underStandInElectron([path.join(mainDir, 'index.cjs')]);
    expect(run.stdout).toContain('QUIT-CALLED');
    expect(run.loaded).toEqual(['index.cjs']);
  });

  it('loads each of its chunks too, when asked', () => {
    const files = code();
    const load = files.map((file) => `require(${JSON.stringify(path.join(mainDir, file))});`).join('\n');
    const run = underStandInElectron(['-e', load]);
    expect(run.loaded).toEqual([...files].sort());
  });
});
