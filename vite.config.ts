/**
 * One Vite config, one bundle per mode:
 *   vite build                 → dist/renderer (the React UI)
 *   vite build --mode main     → dist/main/index.cjs (Electron main, with the core bundled in)
 *   vite build --mode preload  → dist/preload/index.cjs (sandboxed preloads must be CommonJS)
 *   vite build --mode relay    → dist/relay/index.js (the callback relay, for plain Node)
 * and `vitest` reads the `test` mode.
 */
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import { CONTENT_SECURITY_POLICY } from './electron/shared/csp.ts';

// Only native addons stay outside the bundles: they cannot be bundled, and the packaged app then
// needs nothing from node_modules but them.
const NATIVE = ['@napi-rs/keyring'];

function nodeBundle(
  entry: string,
  outDir: string,
  options: { cjs: boolean; target: string; external?: string[] },
): UserConfig {
  return {
    publicDir: false,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: options.target,
      minify: false,
      sourcemap: false,
      rolldownOptions: {
        output: {
          format: options.cjs ? 'cjs' : 'es',
          entryFileNames: options.cjs ? 'index.cjs' : 'index.js',
        },
      },
    },
    ssr: { noExternal: true, external: ['electron', ...NATIVE, ...(options.external ?? [])] },
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
      return nodeBundle('electron/main/index.ts', 'dist/main', { cjs: true, target: 'node22' });
    case 'preload':
      return nodeBundle('electron/preload/index.ts', 'dist/preload', { cjs: true, target: 'chrome140' });
    case 'relay':
      // better-sqlite3 is a native addon and pg looks for the optional pg-native: both are loaded
      // from a node_modules beside the bundle on the relay's host (README, "Callback relay").
      return nodeBundle('electron/relay/index.ts', 'dist/relay', {
        cjs: false,
        target: 'node20',
        external: ['better-sqlite3', 'pg'],
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
        build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, target: 'chrome140' },
        server: { host: '127.0.0.1', port: 5173, strictPort: true },
      };
  }
});
