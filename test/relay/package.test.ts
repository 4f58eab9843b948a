/**
 * The relay is deployed alone: `vite build --mode relay` writes its package (bundle, package.json,
 * lockfile, systemd unit), which a relay host installs with `npm ci --omit=dev` and starts with
 * `node index.js`. Here that package is built from the sources into a clean folder outside the
 * repository, installed there from its own lockfile and run, so nothing of the project's
 * node_modules can stand in for a dependency it forgot.
 *
 * The install takes the packages from npm's cache (the project's own `npm ci` filled it; the
 * registry answers for anything missing) and skips install scripts: the only one, better-sqlite3's,
 * compiles SQLite for a minute or more. Its binary comes from the project's node_modules instead,
 * the same version (the lockfile test below holds them equal), built by the same `npm ci` on this
 * machine. DESK_RELAY_INSTALL_SCRIPTS=1 runs the install scripts too, as a relay host does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePairingCode } from '../../electron/shared/pairingCode';
import { importedPackages } from '../support/imports';
import { uapayCallback } from './support/callbacks';
import { ROOT, runRelayCli, spawnRelay, type RelayProcess } from './support/child';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds } from './support/stores';

interface PackageJson {
  name: string;
  type?: string;
  main?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface Lockfile {
  packages: Record<string, { version?: string; dev?: boolean }>;
}
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

const work = mkdtempSync(path.join(os.tmpdir(), 'desk-relay-package-'));
const dir = path.join(work, 'uapay-relay');
const withScripts = process.env.DESK_RELAY_INSTALL_SCRIPTS === '1';

/** The environment of a command run in the clean folder, without what `npm test` says about the project. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^npm_(package|lifecycle)_/.test(key) && key !== 'INIT_CWD' && key !== 'NODE_PATH',
    ),
  );
}

function run(command: string, args: string[], cwd: string, timeout: number): string {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

beforeAll(() => {
  run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--mode',
      'relay',
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    ROOT,
    120_000,
  );
  const args = ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'];
  run('npm', withScripts ? args : [...args, '--ignore-scripts'], dir, withScripts ? 900_000 : 180_000);
  if (!withScripts) {
    const binary = 'better-sqlite3/build/Release/better_sqlite3.node';
    mkdirSync(path.dirname(path.join(dir, 'node_modules', binary)), { recursive: true });
    copyFileSync(path.join(ROOT, 'node_modules', binary), path.join(dir, 'node_modules', binary));
  }
}, 960_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the relay package, deployed alone', () => {
  const relayPackage = () => readJson<PackageJson>(path.join(dir, 'package.json'));

  it('is the bundle with its package.json, lockfile, systemd unit and licence notices', () => {
    expect(
      readdirSync(dir)
        .filter((name) => name !== 'node_modules')
        .sort(),
    ).toEqual([
      'THIRD-PARTY-NOTICES.md',
      'index.js',
      'package-lock.json',
      'package.json',
      'uapay-relay.service',
    ]);
    const pkg = relayPackage();
    expect(pkg).toMatchObject({ name: 'uapay-desk-relay', type: 'module', main: 'index.js' });
    expect(pkg.scripts?.start).toBe('node index.js');
    expect(pkg.devDependencies).toBeUndefined();
    expect(readFileSync(path.join(dir, 'uapay-relay.service'), 'utf8')).toMatch(
      /^ExecStart=\/usr\/bin\/node \/opt\/uapay-relay\/index\.js$/m,
    );
  });

  it('declares exactly the packages its bundle imports: fastify, its rate limit, zod, better-sqlite3, pg', () => {
    const imported = importedPackages(readFileSync(path.join(dir, 'index.js'), 'utf8'), { javascript: true });
    expect(imported).toEqual(Object.keys(relayPackage().dependencies ?? {}).sort());
    expect(imported).toEqual(expect.arrayContaining(['fastify', 'better-sqlite3', 'pg']));
  });

  it('locks the very versions the project builds and tests with (npm run relay:lock keeps them so)', () => {
    const relay = readJson<Lockfile>(path.join(dir, 'package-lock.json')).packages;
    const project = readJson<Lockfile>(path.join(ROOT, 'package-lock.json')).packages;
    const projectPackage = readJson<PackageJson>(path.join(ROOT, 'package.json'));
    const differing = Object.entries(relay)
      .filter(([where, entry]) => where !== '' && project[where]?.version !== entry.version)
      .map(
        ([where, entry]) => `${where}: relay ${entry.version}, project ${project[where]?.version ?? 'none'}`,
      );
    expect(differing).toEqual([]);
    // The same ranges as the project's own declarations, so one update moves both.
    for (const [name, range] of Object.entries(relayPackage().dependencies ?? {}))
      expect(projectPackage.dependencies?.[name] ?? projectPackage.devDependencies?.[name], name).toBe(range);
  });

  it('resolves its dependencies inside its own folder, never the project', () => {
    const require = createRequire(path.join(dir, 'index.js'));
    for (const name of Object.keys(relayPackage().dependencies ?? {}))
      expect(require.resolve(name), name).toMatch(new RegExp(`^${dir}${path.sep}node_modules${path.sep}`));
  });

  for (const kind of storeKinds()) {
    it(`starts with node index.js, answers /health, pairs, and stores and serves a callback (${kind})`, async () => {
      const fresh = await freshStore(kind);
      const entry = [path.join(dir, 'index.js')];
      let relay: RelayProcess | undefined;
      try {
        const env = { ...fresh.env, RELAY_LOG_LEVEL: 'info' };
        relay = await spawnRelay(env, 30_000, entry);
        const health = await fetch(`${relay.base}/health`);
        expect({ status: health.status, body: await health.json() }).toEqual({
          status: 200,
          body: { ok: true, store: kind, streams: 0 },
        });

        const paired = await runRelayCli(['pair', '--json'], { ...env, RELAY_PUBLIC_URL: relay.base }, entry);
        expect(paired.code, paired.stderr).toBe(0);
        const { pairingCode } = JSON.parse(paired.stdout) as { pairingCode: string };
        const decoded = decodePairingCode(pairingCode);
        if (!decoded.ok) throw new Error(`pairing code refused: ${JSON.stringify(decoded)}`);
        const { callbackUrl, eventsUrl, token } = decoded.value;

        const body = uapayCallback();
        const posted = await fetch(callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(posted.status).toBe(200);
        const events = await fetch(`${eventsUrl}?after=0`, { headers: { authorization: `Bearer ${token}` } });
        expect(events.status).toBe(200);
        expect(
          ((await events.json()) as { events: Array<{ body: string }> }).events.map((e) => e.body),
        ).toEqual([body]);

        relay.child.kill('SIGTERM');
        expect(await relay.exited).toEqual({ code: 0, signal: null });
      } finally {
        relay?.child.kill('SIGKILL');
        await fresh.dispose();
      }
    });
  }
});

reportMissingPostgres('the relay package');
