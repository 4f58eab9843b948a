/**
 * The README's Layout section is the map a newcomer starts from: every path it names exists, and
 * every folder of the source, UI and test trees is on it. A rename that leaves the map behind fails
 * here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
/** Folders whose every sub-folder the map names. */
const MAPPED = ['electron', 'electron/core', 'renderer', 'test'];
const NOT_MAPPED = new Set([
  '.git',
  'node_modules',
  'dist',
  'release',
  'test-results',
  'playwright-report',
  'relay-data',
]);

/** The Layout section's tree: each entry's paths, and the files and folders its words name. */
function layoutPaths(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = /^## Layout\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const block = /^```\n([\s\S]*?)^```$/m.exec(section)?.[1] ?? '';
  const named: string[] = [];
  let top = '';
  let current = '';
  const words = (text: string) => {
    for (const word of text.split(/[\s,();]+/)) {
      if (word.includes(':') || !/(\/|\.(ts|tsx|mjs|json|yml|md))$/.test(word)) continue;
      // `a/b/c.yml` is from the root; `c.ts` and `d/` are inside the entry they describe.
      const inner = word.replace(/\/$/, '').includes('/');
      const base = current.endsWith('/') ? current : path.posix.dirname(current);
      named.push(inner ? word : path.posix.join(base, word));
    }
  };
  for (const line of block.split('\n')) {
    const entry = /^( {2})?(\S.*?)(?: {2,}(.*))?$/.exec(line);
    if (!line.trim()) continue;
    if (/^ {3,}/.test(line)) {
      words(line);
      continue;
    }
    if (!entry) continue;
    const [, nested, paths = '', description = ''] = entry;
    const entries = paths.split(' ').map((p) => (nested ? path.posix.join(top, p) : p));
    if (!nested) top = entries[0]!;
    current = entries[0]!;
    named.push(...entries);
    words(description);
  }
  return named;
}

describe('the README’s Layout section', () => {
  const named = layoutPaths();

  it('is read (a map of the whole tree)', () => {
    expect(named.length).toBeGreaterThan(40);
  });

  it('names only paths that exist', () => {
    expect(named.filter((file) => !existsSync(path.join(root, file)))).toEqual([]);
  });

  it('names every folder at the top and in electron/, electron/core/, renderer/ and test/', () => {
    const folders = (dir: string) =>
      readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !NOT_MAPPED.has(entry.name))
        .map((entry) => (dir === '.' ? `${entry.name}/` : `${dir}/${entry.name}/`));
    const onMap = new Set(named.map((file) => (file.endsWith('/') ? file : `${file}/`)));
    const covered = (folder: string) => [...onMap].some((file) => file.startsWith(folder));
    const missing = ['.', ...MAPPED].flatMap(folders).filter((folder) => !covered(folder));
    expect(missing).toEqual([]);
  });
});
