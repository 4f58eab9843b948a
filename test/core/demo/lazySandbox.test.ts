import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testKeychain } from '../../support/keychain';

// Notes when the sandbox module is first loaded, and hands over the real one.
const loads = vi.hoisted(() => ({ sandbox: 0 }));
vi.mock('../../../electron/sandbox', async (importOriginal) => {
  loads.sandbox += 1;
  return importOriginal();
});

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the Demo sandbox', () => {
  it('is loaded when Demo mode starts, not when the core is', async () => {
    const { createDesk } = await import('../../../electron/core/desk');
    const { dispatch } = await import('../../../electron/core/ipc');
    dir = await mkdtemp(path.join(os.tmpdir(), 'desk-lazy-demo-'));
    const desk = createDesk({
      appName: 'UAPAY Desk',
      appVersion: '1.0.0',
      userDataDir: dir,
      shell: 'harness',
      secrets: testKeychain(),
      demoSize: 10,
    });
    try {
      expect((await dispatch(desk.handlers, 'settings.get', {})).ok).toBe(true);
      expect(loads.sandbox).toBe(0);

      const started = await dispatch(desk.handlers, 'demo.start', {});
      expect(started).toMatchObject({ ok: true, value: { settings: { demoMode: true } } });
      expect(loads.sandbox).toBe(1);
    } finally {
      await desk.close();
    }
  });
});
