/**
 * What `npm test` runs after type-checking, linting and building: vitest, then the money suites
 * again under every other UAPAY reading profile (electron/sandbox/uapay/readings.ts), then
 * Playwright, then one summary line. On Linux each of those runs gets a private D-Bus session of
 * its own with an unlocked gnome-keyring in a fresh XDG_DATA_HOME (test/keyringSession.ts), so the
 * keychain tests run against a real Secret Service and never touch a person's own keyring.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { READING_PROFILE_NAMES } from '../electron/sandbox/uapay/readings';
import { inKeyringSession } from './keyringSession';
import { READING_ENV } from './support/readings';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const wrapped = inKeyringSession(command, args, env);
  const child = spawnSync(wrapped.command, wrapped.args, { stdio: 'inherit', cwd: root, env: wrapped.env });
  wrapped.cleanup();
  if (child.error) throw child.error;
  return child.status ?? 1;
}

mkdirSync(results, { recursive: true });
const bin = (file: string) => path.join(root, 'node_modules', file);
const readingsOnly = process.argv.includes('--readings-only');
// The main run reads UAPAY as `today` (the fake's defaults), whatever the shell says.
const vitest = readingsOnly
  ? 0
  : run(
      process.execPath,
      [
        bin('vitest/vitest.mjs'),
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${path.join(results, 'vitest.json')}`,
      ],
      { ...process.env, [READING_ENV]: 'today' },
    );

/**
 * The money suites depend on how UAPAY reads its UNCERTAIN points, so they run once more under each
 * other profile (the main run above is `today`). Vitest's own file filter picks them; nothing is
 * rebuilt. The fixed chaos seed also runs under CHAOS_PROFILES (and under `today` in the main run).
 * `tsx test/run.ts --readings-only` runs just these (for work on the client's readings).
 */
const MONEY_SUITES = ['test/core/payments/', 'test/core/bulk/'];
const CHAOS_SUITE = 'test/chaos/chaos.test.ts';
const CHAOS_PROFILES: readonly string[] = ['strict-a', 'strict-b'];

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface ReadingRun {
  profile: string;
  passed: number;
  failed: number;
  status: number;
}
const readingRuns: ReadingRun[] = [];
for (const profile of READING_PROFILE_NAMES.filter((name) => name !== 'today')) {
  const file = `vitest-readings-${profile}.json`;
  const suites = CHAOS_PROFILES.includes(profile) ? [...MONEY_SUITES, CHAOS_SUITE] : MONEY_SUITES;
  console.log(`\nreadings ${profile}: ${suites.join(' ')}`);
  rmSync(path.join(results, file), { force: true });
  const status = run(
    process.execPath,
    [
      bin('vitest/vitest.mjs'),
      'run',
      ...suites,
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${path.join(results, file)}`,
    ],
    { ...process.env, [READING_ENV]: profile },
  );
  const counts = read<VitestJson>(file);
  const passed = counts?.numPassedTests ?? 0;
  const failed = counts?.numFailedTests ?? 0;
  readingRuns.push({ profile, passed, failed, status });
  console.log(`readings ${profile}: ${passed} passed, ${failed} failed`);
}

const playwright = readingsOnly
  ? 0
  : run(process.execPath, [bin('@playwright/test/cli.js'), 'test', '-c', 'test/playwright.config.ts']);

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
// Under --readings-only the main runs did not happen: their old reports are not read.
const v = readingsOnly ? undefined : read<VitestJson>('vitest.json');
const p = readingsOnly
  ? undefined
  : read<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
      'playwright.json',
    );
const total: Counts = {
  passed: (v?.numPassedTests ?? 0) + (p?.stats.expected ?? 0) + (p?.stats.flaky ?? 0),
  failed: (v?.numFailedTests ?? 0) + (p?.stats.unexpected ?? 0),
  skipped: (v ? v.numPendingTests + v.numTodoTests : 0) + (p?.stats.skipped ?? 0),
};
const readings = {
  passed: readingRuns.reduce((sum, r) => sum + r.passed, 0),
  failed: readingRuns.reduce((sum, r) => sum + r.failed, 0),
};
// A profile whose run failed without a failed test (it did not start, or reported nothing) fails too.
const readingsBroken = readingRuns.some((r) => r.status !== 0 || r.passed === 0);

const nonePassed = !readingsOnly && total.passed === 0;
const failed = vitest !== 0 || playwright !== 0 || total.failed > 0 || nonePassed || readingsBroken;
if (nonePassed) console.error('No test passed: something is wrong with the test setup.');
console.log('');
for (const r of readingRuns) console.log(`readings ${r.profile}: ${r.passed} passed, ${r.failed} failed`);
console.log(
  `tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped; ` +
    `money suites under other readings: ${readings.passed} passed, ${readings.failed} failed`,
);
process.exit(failed ? 1 : 0);
