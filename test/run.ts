/**
 * What `npm test` runs after type-checking, linting and building: vitest, then Playwright, then one
 * summary line. On a Linux machine without a desktop session (CI), it first starts a private D-Bus
 * session with an unlocked gnome-keyring in a fresh XDG_DATA_HOME, so the keychain tests run
 * against a real Secret Service and never touch a person's own keyring.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, command)));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const child = spawnSync(command, args, { stdio: 'inherit', cwd: root, env });
  if (child.error) throw child.error;
  return child.status ?? 1;
}

function inKeyringSession(): never {
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (!onPath(tool)) {
      console.error(
        `${tool} is missing: install it (Debian: apt-get install -y gnome-keyring dbus) to test the keychain.`,
      );
      process.exit(1);
    }
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'desk-keyring-'));
  const script = 'printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"';
  const status = run(
    'dbus-run-session',
    ['--', 'sh', '-c', script, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { ...process.env, XDG_DATA_HOME: home, DESK_KEYRING_SESSION: '1' },
  );
  rmSync(home, { recursive: true, force: true });
  process.exit(status);
}

if (
  process.platform === 'linux' &&
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  !process.env.DESK_KEYRING_SESSION
) {
  inKeyringSession();
}

mkdirSync(results, { recursive: true });
const bin = (file: string) => path.join(root, 'node_modules', file);
const vitest = run(process.execPath, [
  bin('vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(results, 'vitest.json')}`,
]);
const playwright = run(process.execPath, [
  bin('@playwright/test/cli.js'),
  'test',
  '-c',
  'test/playwright.config.ts',
]);

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
function read<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path.join(results, file), 'utf8')) as T;
  } catch {
    return undefined;
  }
}
const v = read<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}>('vitest.json');
const p = read<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
  'playwright.json',
);
const total: Counts = {
  passed: (v?.numPassedTests ?? 0) + (p?.stats.expected ?? 0) + (p?.stats.flaky ?? 0),
  failed: (v?.numFailedTests ?? 0) + (p?.stats.unexpected ?? 0),
  skipped: (v ? v.numPendingTests + v.numTodoTests : 0) + (p?.stats.skipped ?? 0),
};

const failed = vitest !== 0 || playwright !== 0 || total.failed > 0 || total.passed === 0;
if (total.passed === 0) console.error('No test passed: something is wrong with the test setup.');
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed ? 1 : 0);
