/**
 * Every package the project's code imports is declared in package.json, so `npm ci` installs it
 * by name and version rather than by luck (as a dependency of something else, which may drop it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedPackages } from '../support/imports';

const root = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['electron', 'renderer', 'test', 'build'];
const ROOT_FILES = ['vite.config.ts', 'eslint.config.js'];
const CODE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const JAVASCRIPT = /\.[cm]?js$/;

function codeFiles(): string[] {
  const nested = FOLDERS.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .map((file) => path.join(folder, file).split(path.sep).join('/'))
      .filter((file) => CODE.test(file) && !/(^|\/)(node_modules|dist)\//.test(file)),
  );
  return [...ROOT_FILES, ...nested];
}

describe('declared dependencies', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.devDependencies ?? {}),
  ]);
  // A JSDoc type of a package without types of its own comes from its @types package.
  const isDeclared = (name: string) => declared.has(name) || declared.has(`@types/${name}`);

  it('declares every package the code imports (electron, renderer, test, build scripts, configs)', () => {
    const files = codeFiles();
    expect(files.length).toBeGreaterThan(100);
    const undeclared = files.flatMap((file) =>
      importedPackages(readFileSync(path.join(root, file), 'utf8'), { javascript: JAVASCRIPT.test(file) })
        .filter((name) => !isDeclared(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('reads every kind of import (the check above would pass on nothing otherwise)', () => {
    const source = [
      "import a from 'alpha/sub';",
      "import type { B } from '@scope/beta';",
      "export * from 'gamma';",
      "const d = await import('delta');",
      "const e = require('epsilon');",
      "import fs from 'node:fs';",
      "import path from 'path';",
      "import { x } from './local';",
      '/** @type {import("zeta").Z} */',
    ].join('\n');
    expect(importedPackages(source, { javascript: true })).toEqual([
      '@scope/beta',
      'alpha',
      'delta',
      'epsilon',
      'gamma',
      'zeta',
    ]);
    expect(importedPackages(source, { javascript: false })).not.toContain('zeta');
  });
});
