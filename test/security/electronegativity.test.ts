/**
 * Electronegativity (Doyensec's scanner of Electron apps) over the app's sources: main, preload,
 * the shared contract, the core and the renderer (the sandbox and the relay are plain Node servers,
 * never loaded in an Electron window). Offline and quick: its two network look-ups (updated
 * translations, Electron's release list for AVAILABLE_SECURITY_FIXES) are cut off here; Electron's
 * own version is for `npm audit` and dependency updates. Any finding above INFORMATIONAL fails the
 * test unless electronegativity-accepted.json explains it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const SOURCES = [
  'electron/main',
  'electron/preload',
  'electron/shared',
  'electron/core',
  'renderer',
  'package.json',
];

interface Finding {
  id: string;
  file: string;
  sample?: string;
  severity: { name: string };
  confidence: { name: string };
  location: { line: number };
  description: string;
}
interface Accepted {
  id: string;
  file: string;
  sample: string | null;
  reason: string;
  testedBy: string;
}

const require = createRequire(import.meta.url);
// Its look-ups go through `got`: answered "offline" at once instead of waiting for a timeout.
const gotPath = createRequire(require.resolve('@doyensec/electronegativity/dist/locales/i18n.js')).resolve(
  'got',
);
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: () => Promise.reject(new Error('offline: no look-ups from the test')),
} as unknown as NodeJS.Module;
const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}>;

const work = mkdtempSync(path.join(os.tmpdir(), 'desk-electronegativity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the sources (the scanner takes one folder), with `plant` applied, scanned. */
async function scan(name: string, plant?: (dir: string) => void) {
  const dir = path.join(work, name);
  for (const source of SOURCES) cpSync(path.join(root, source), path.join(dir, source), { recursive: true });
  plant?.(dir);
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const result = await run({
    input: dir,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
  return result.issues.filter((issue) => issue.severity.name !== 'INFORMATIONAL');
}

const accepted = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, 'electronegativity-accepted.json'), 'utf8')) as {
    accepted: Accepted[];
  }
).accepted;
const matches = (finding: Finding, entry: Accepted) =>
  finding.id === entry.id &&
  finding.file.split(path.sep).join('/') === entry.file &&
  (entry.sample === null || finding.sample?.trim() === entry.sample);
const describeFinding = (f: Finding) =>
  `${f.id} (${f.severity.name}, ${f.confidence.name}) ${f.file}:${f.location.line} ${f.sample?.trim() ?? ''}`;

describe('Electronegativity', () => {
  it('finds nothing above informational in the sources but what is explained as accepted', async () => {
    const findings = await scan('sources');
    const unexplained = findings.filter((finding) => !accepted.some((entry) => matches(finding, entry)));
    expect(unexplained.map(describeFinding)).toEqual([]);
    const stale = accepted.filter((entry) => !findings.some((finding) => matches(finding, entry)));
    expect(
      stale.map((entry) => `${entry.id} ${entry.file}`),
      'accepted but no longer found',
    ).toEqual([]);
    for (const entry of accepted) {
      expect(entry.reason.length, entry.id).toBeGreaterThan(40);
      for (const test of entry.testedBy.split(', '))
        expect(existsSync(path.join(root, test)), test).toBe(true);
    }
  });

  it('is a real check: a window without isolation or sandbox is reported', async () => {
    const findings = await scan('planted', (dir) => {
      const file = path.join(dir, 'electron/main/window.ts');
      const text = readFileSync(file, 'utf8')
        .replace('contextIsolation: true', 'contextIsolation: false')
        .replace('sandbox: true', 'sandbox: false');
      writeFileSync(file, text);
    });
    const ids = findings.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
  });
});
