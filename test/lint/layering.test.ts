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
    // The core loads the sandbox only when Demo mode starts.
    ['electron/core/demo/x.ts', "import { startSandbox } from '../../sandbox';"],
    ['electron/core/demo/x.ts', "import { type Sandbox } from '../../sandbox';"],
    ['electron/core/x.ts', "export { startSandbox } from '../sandbox';"],
    // Packages, by layer: the page has no server, database, mail or HTTP client; the core no UI.
    ['renderer/x.ts', "import axios from 'axios';"],
    ['renderer/x.tsx', "import Fastify from 'fastify';"],
    ['renderer/x.ts', "import Database from 'better-sqlite3';"],
    ['renderer/x.ts', "import pg from 'pg';"],
    ['renderer/x.ts', "import nodemailer from 'nodemailer';"],
    ['renderer/x.ts', "const { Entry } = await import('@napi-rs/keyring');"],
    ['renderer/x.ts', "export { z as schema } from 'zod/v4/core';\nimport fs from 'fs/promises';"],
    ['electron/core/x.ts', "import { useState } from 'react';"],
    ['electron/core/x.ts', "import { createRoot } from 'react-dom/client';"],
    ['electron/core/x.ts', "import { create } from 'zustand';"],
    ['electron/core/x.ts', "import i18next from 'i18next';"],
    ['electron/core/x.ts', "import type { ReactNode } from 'react';"],
    ['electron/shared/x.ts', "import axios from 'axios';"],
    ['electron/preload/x.ts', "import axios from 'axios';"],
    ['electron/main/x.ts', "import React from 'react';"],
    ['electron/sandbox/x.ts', "import Database from 'better-sqlite3';"],
    // The relay imports what its own package declares: a relay host installs nothing else.
    ['electron/relay/x.ts', "import axios from 'axios';"],
    ['electron/relay/x.ts', "import nodemailer from 'nodemailer';"],
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
    [
      'electron/relay/x.ts',
      "import Fastify from 'fastify';\nimport Database from 'better-sqlite3';\nimport pg from 'pg';",
    ],
    ['electron/core/x.ts', "import axios from 'axios';\nimport { z } from 'zod';\nimport qs from 'qs';"],
    ['electron/main/x.ts', "import { autoUpdater } from 'electron-updater';"],
    [
      'electron/core/demo/x.ts',
      "import type { Sandbox } from '../../sandbox';\nconst { startSandbox } = await import('../../sandbox');",
    ],
    [
      'renderer/x.tsx',
      "import { createRoot } from 'react-dom/client';\nimport { useTranslation } from 'react-i18next';",
    ],
    ['electron/sandbox/x.ts', "import Fastify from 'fastify';\nimport { SMTPServer } from 'smtp-server';"],
    ['test/x.ts', "import Fastify from 'fastify';\nimport { render } from 'react-dom';"],
  ])('%s: allows %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
