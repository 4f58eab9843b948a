// @ts-check
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering of DESIGN.md, enforced: which folder may import which. `electron` only in main and
 * preload; Node built-ins nowhere the page runs; the renderer reaches the rest only through
 * electron/shared; the sandbox and the relay never reach the core, so a fake never borrows a
 * client's logic (the relay shares only electron/shared's plain formats with the desktop).
 */
const LAYERS = {
  'electron/main': { may: ['electron/main', 'electron/core', 'electron/shared'], electron: true, node: true },
  'electron/preload': { may: ['electron/preload', 'electron/shared'], electron: true, node: false },
  'electron/core': {
    may: ['electron/core', 'electron/shared', 'electron/sandbox'],
    electron: false,
    node: true,
  },
  'electron/sandbox': { may: ['electron/sandbox'], electron: false, node: true },
  // The relay also reads electron/shared (the pairing code's one format, pairingCode.ts), never the core.
  'electron/relay': { may: ['electron/relay', 'electron/shared'], electron: false, node: true },
  'electron/shared': { may: ['electron/shared'], electron: false, node: false },
  renderer: { may: ['renderer', 'electron/shared'], electron: false, node: false },
};
const NODE_BUILTINS = new Set(builtinModules);
const root = import.meta.dirname;

/**
 * The packages each layer may import, by name (an allow-list, as VS Code's layers keep): the page
 * gets no server, database, mail or HTTP client (it reaches all of that through the core), the core
 * and main no React or i18n, the shared contract only what runs everywhere. A package new to a layer
 * is added here on purpose. The relay may import what its own package declares, and nothing else:
 * that package is all a relay host installs.
 */
const EVERYWHERE = ['zod'];
/** @type {{ dependencies: Record<string, string> }} */
const relayPackage = JSON.parse(readFileSync(path.join(root, 'electron/relay/package.json'), 'utf8'));
/** @type {Record<keyof typeof LAYERS, string[]>} */
const PACKAGES = {
  'electron/main': [...EVERYWHERE, 'electron-updater'],
  'electron/preload': [...EVERYWHERE],
  'electron/core': [
    ...EVERYWHERE,
    '@napi-rs/keyring',
    'axios',
    'csv-stringify',
    'jose',
    'nodemailer',
    'p-queue',
    'qrcode',
    'qs',
    'rotating-file-stream',
    'write-excel-file',
  ],
  'electron/sandbox': [
    ...EVERYWHERE,
    '@fastify/formbody',
    '@fastify/multipart',
    'fastify',
    'jose',
    'mailparser',
    'qrcode',
    'qs',
    'smtp-server',
  ],
  'electron/relay': Object.keys(relayPackage.dependencies),
  'electron/shared': [...EVERYWHERE],
  renderer: [
    ...EVERYWHERE,
    '@tanstack/react-table',
    '@tanstack/react-virtual',
    'i18next',
    'react',
    'react-day-picker',
    'react-dom',
    'react-i18next',
    'zustand',
  ],
};

/**
 * Layers another may load only when needed, through `import()` (`import type` loads nothing): the
 * core starts the sandbox for Demo mode alone, and a static import would load it on every start.
 * @type {Partial<Record<keyof typeof LAYERS, string[]>>}
 */
const ON_DEMAND = { 'electron/core': ['electron/sandbox'] };

/** `import type …` and `export type …` are gone at run time. @param {import('estree').Node} node */
function typeOnly(node) {
  const kinds = /** @type {{ importKind?: string; exportKind?: string }} */ (node);
  return kinds.importKind === 'type' || kinds.exportKind === 'type';
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. @param {string} source */
function packageName(source) {
  const [first = '', second = ''] = source.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

/** @param {string} file */
function layerOf(file) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return Object.keys(LAYERS).find((layer) => relative === layer || relative.startsWith(`${layer}/`));
}

/** @type {import('eslint').Rule.RuleModule} */
const layeringRule = {
  meta: { type: 'problem', schema: [], messages: { denied: '{{layer}} may not import {{what}} ({{why}}).' } },
  create(context) {
    const layer = layerOf(context.filename);
    if (!layer) return {};
    const rules = LAYERS[/** @type {keyof typeof LAYERS} */ (layer)];
    const packages = PACKAGES[/** @type {keyof typeof LAYERS} */ (layer)];
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      /** @param {string} what @param {string} why */
      const deny = (what, why) => context.report({ node, messageId: 'denied', data: { layer, what, why } });
      if (source === 'electron' || source.startsWith('electron/')) {
        if (!rules.electron) deny('electron', 'only electron/main and electron/preload talk to Electron');
      } else if (source.startsWith('node:') || NODE_BUILTINS.has(source.split('/')[0] ?? '')) {
        if (!rules.node) deny(source, 'this code runs in the page, where Node does not exist');
      } else if (source.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(context.filename), source));
        if (target && !rules.may.includes(target)) deny(target, `allowed: ${rules.may.join(', ')}`);
        else if (
          target &&
          ON_DEMAND[/** @type {keyof typeof LAYERS} */ (layer)]?.includes(target) &&
          node.type !== 'ImportExpression' &&
          !typeOnly(node)
        )
          deny(target, 'only through import() or import type, which loads it when it is needed');
      } else if (!packages.includes(packageName(source))) {
        deny(packageName(source), `its packages: ${packages.join(', ')} (PACKAGES in eslint.config.js)`);
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'test-results/', 'playwright-report/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { desk: { rules: { layering: layeringRule } } },
    rules: {
      'desk/layering': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Type-aware rules where money moves: a forgotten await there is a lost write.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
