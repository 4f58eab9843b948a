import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule of eslint.config.js, fed code that breaks it (and code that does not). The
// files do not exist, so the type-aware part of the config is switched off for them.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'desk/layering').map((m) => m.message);
}

describe('layering', () => {
  it.each([
    ['electron/core/payments/x.ts', "import { app } from 'electron';"],
    ['electron/sandbox/x.ts', "import { BrowserWindow } from 'electron';"],
    ['electron/relay/x.ts', "export { ipcMain } from 'electron';"],
    ['electron/shared/x.ts', "import fs from 'node:fs';"],
    ['renderer/x.ts', "import fs from 'node:fs';"],
    ['renderer/x.ts', "import path from 'path';"],
    ['renderer/x.ts', "import { dispatch } from '../electron/core/ipc';"],
    ['renderer/components/x.tsx', "import { log } from '../../electron/core/log';"],
    ['electron/preload/x.ts', "import { log } from '../core/log';"],
    ['electron/sandbox/x.ts', "import { log } from '../core/log';"],
    ['electron/relay/x.ts', "import { dispatch } from '../core/ipc';"],
    ['electron/relay/x.ts', "import { verifyToken } from '../core/uapay/envelope';"],
    ['electron/relay/x.ts', "import { createUapayFake } from '../sandbox/uapay';"],
    ['electron/core/x.ts', "import { startApp } from '../main/app';"],
    ['renderer/x.ts', "const m = await import('../electron/main/app');"],
  ])('%s: refuses %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { log } from '../core/log';"],
    [
      'electron/preload/x.ts',
      "import { contextBridge } from 'electron';\nimport { channels } from '../shared/contract';",
    ],
    ['electron/core/x.ts', "import fs from 'node:fs';\nimport { contract } from '../shared/contract';"],
    [
      'renderer/x.ts',
      "import { channels } from '../electron/shared/contract';\nimport { create } from 'zustand';",
    ],
    ['test/x.ts', "import { app } from 'electron';\nimport { log } from '../electron/core/log';"],
    [
      'electron/relay/x.ts',
      "import { encodePairingCode } from '../shared/pairingCode';\nimport fs from 'node:fs';",
    ],
  ])('%s: allows %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
