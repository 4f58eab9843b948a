/**
 * One Vite config, one bundle per mode:
 *   vite build                 → dist/renderer (the React UI)
 *   vite build --mode main     → dist/main/index.cjs (Electron main, with the core bundled in)
 *   vite build --mode preload  → dist/preload/index.cjs (sandboxed preloads must be CommonJS)
 *   vite build --mode relay    → dist/relay/ (the callback relay's package, for plain Node)
 * and `vitest` reads the `test` mode. Each bundle writes THIRD-PARTY-NOTICES.md beside itself: the
 * licences of the packages bundled into it (Vite's `build.license`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import { CONTENT_SECURITY_POLICY } from './electron/shared/csp.ts';

const LICENSE = { fileName: 'THIRD-PARTY-NOTICES.md' };

// Only native addons stay outside the app's bundles: they cannot be bundled, and the packaged app
// then needs nothing from node_modules but them.
const NATIVE = ['@napi-rs/keyring'];

/** `packages: 'bundled'`: every package inside but Electron and NATIVE; `'installed'`: none inside. */
function nodeBundle(
  entry: string,
  outDir: string,
  options: { cjs: boolean; target: string; packages: 'bundled' | 'installed'; plugins?: Plugin[] },
): UserConfig {
  return {
    publicDir: false,
    plugins: options.plugins,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: options.target,
      minify: false,
      sourcemap: false,
      license: LICENSE,
      rolldownOptions: {
        output: {
          format: options.cjs ? 'cjs' : 'es',
          entryFileNames: options.cjs ? 'index.cjs' : 'index.js',
          // Code loaded on demand (the Demo sandbox) gets a file of its own: .cjs, or Node would
          // read it as an ES module under the project's "type": "module".
          chunkFileNames: options.cjs ? '[name]-[hash].cjs' : '[name]-[hash].js',
        },
      },
    },
    ssr:
      options.packages === 'bundled'
        ? { noExternal: true, external: ['electron', ...NATIVE] }
        : { external: true },
  };
}

/**
 * The relay is deployed alone, as the package electron/relay/package.json describes: only our code
 * is bundled, every package it imports is installed beside the bundle from that package's own
 * lockfile, and dist/relay is that package (README, "Callback relay" → "Production").
 */
const RELAY_DIR = path.join(import.meta.dirname, 'electron/relay');
const RELAY_PACKAGE_FILES = {
  'package.json': 'package.json',
  'package-lock.json': 'package-lock.json',
  'uapay-relay.service': 'deploy/uapay-relay.service',
};

/** Puts the relay's package.json, lockfile and systemd unit beside its bundle. */
function relayPackage(): Plugin {
  return {
    name: 'desk-relay-package',
    apply: 'build',
    generateBundle() {
      for (const [fileName, from] of Object.entries(RELAY_PACKAGE_FILES))
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path.join(RELAY_DIR, from)) });
    },
  };
}

/** Writes the CSP into the built index.html (the dev server needs inline scripts for HMR). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'desk-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig(({ mode }) => {
  switch (mode) {
    case 'main':
      return nodeBundle('electron/main/index.ts', 'dist/main', {
        cjs: true,
        target: 'node22',
        packages: 'bundled',
      });
    case 'preload':
      return nodeBundle('electron/preload/index.ts', 'dist/preload', {
        cjs: true,
        target: 'chrome140',
        packages: 'bundled',
      });
    case 'relay':
      return nodeBundle('electron/relay/index.ts', 'dist/relay', {
        cjs: false,
        target: 'node20',
        packages: 'installed',
        plugins: [relayPackage()],
      });
    case 'test':
      return {
        test: {
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      };
    default:
      return {
        root: 'renderer',
        base: './',
        plugins: [react(), contentSecurityPolicy()],
        build: {
          outDir: '../dist/renderer',
          emptyOutDir: true,
          sourcemap: false,
          target: 'chrome140',
          license: LICENSE,
        },
        server: { host: '127.0.0.1', port: 5173, strictPort: true },
      };
  }
});
