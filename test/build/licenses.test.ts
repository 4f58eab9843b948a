/**
 * The licence notices `npm run build` writes beside each bundle (Vite's `build.license`): every
 * package bundled into it, with its licence, so what ships names what it contains. The installers
 * carry the app's three (test/build/packaged.test.ts); the relay's package carries its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const NOTICES = 'THIRD-PARTY-NOTICES.md';
const BUNDLES = ['renderer', 'main', 'preload', 'relay'] as const;

beforeAll(() => {
  if (BUNDLES.every((bundle) => existsSync(path.join(dist, bundle, NOTICES)))) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}, 300_000);

/** `name` → `licence` of each package a notices file lists (`## name - version (licence)`). */
function listed(bundle: (typeof BUNDLES)[number]): Map<string, string> {
  const text = readFileSync(path.join(dist, bundle, NOTICES), 'utf8');
  return new Map(
    [...text.matchAll(/^## (\S+) - \S+(?: \((.+)\))?$/gm)].map((match) => [match[1]!, match[2] ?? '']),
  );
}

describe('third-party licence notices', () => {
  it('name the renderer’s packages: react, react-dom, zod, i18next, zustand, TanStack', () => {
    const renderer = listed('renderer');
    for (const name of [
      'react',
      'react-dom',
      'zod',
      'i18next',
      'react-i18next',
      'zustand',
      '@tanstack/react-table',
    ])
      expect(renderer.get(name), name).toBe('MIT');
  });

  it('name what main bundles of the core: axios, zod, jose, nodemailer, electron-updater, and the Demo sandbox’s fastify', () => {
    const main = listed('main');
    for (const name of ['axios', 'zod', 'jose', 'nodemailer', 'electron-updater', 'fastify'])
      expect(main.has(name), name).toBe(true);
    expect(main.has('react'), 'react is the renderer’s, never main’s').toBe(false);
  });

  it('give every bundled package’s licence, with its text where the package has one', () => {
    for (const bundle of ['renderer', 'main', 'preload'] as const) {
      const entries = listed(bundle);
      expect(
        [...entries].filter(([, licence]) => licence === '').map(([name]) => name),
        bundle,
      ).toEqual([]);
    }
    expect(readFileSync(path.join(dist, 'renderer', NOTICES), 'utf8')).toMatch(
      /## react - [\d.]+ \(MIT\)\n\nMIT License\n\nCopyright \(c\) Meta Platforms/,
    );
  });

  it('are written for the relay’s package too (its packages are installed beside it, each with its own)', () => {
    expect(existsSync(path.join(dist, 'relay', NOTICES))).toBe(true);
    expect(listed('relay').has('fastify')).toBe(false);
  });
});
