import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/core/desk';
import { ValidationError } from '../../electron/core/errors';
import { dispatch, MAX_REQUEST_BYTES } from '../../electron/core/ipc';
import type { Handlers } from '../../electron/shared/contract';
import { testKeychain } from '../support/keychain';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function desk() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-ipc-'));
  dirs.push(dir);
  return createDesk({
    appName: 'UAPAY Desk',
    appVersion: '9.8.7',
    userDataDir: dir,
    shell: 'harness',
    secrets: testKeychain(),
    background: false,
  });
}

/** Handlers whose only job is to record whether they ran and to fail on demand. */
function recordingHandlers(fail?: unknown) {
  const calls: unknown[] = [];
  const handlers = {
    'app.info': async (req: unknown) => {
      calls.push(req);
      if (fail) throw fail;
      return {
        name: 'x',
        version: '1',
        platform: 'linux',
        arch: 'x64',
        shell: 'harness',
        keychain: { available: true, backend: 'b' },
        logFolder: '/logs',
      };
    },
  } satisfies Pick<Handlers, 'app.info'>;
  // Only app.info is called here; the other channels are never reached.
  return { handlers: handlers as Handlers, calls };
}

describe('dispatch', () => {
  it('answers app.info from the real core, with the keychain probed for real', async () => {
    const result = await dispatch((await desk()).handlers, 'app.info', {});
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'UAPAY Desk',
        version: '9.8.7',
        platform: process.platform,
        arch: process.arch,
        shell: 'harness',
        keychain: { available: true, backend: expect.any(String) as string },
        logFolder: expect.stringMatching(/desk-ipc-.*logs$/) as string,
      },
    });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatch(handlers, 'payments.steal', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an unexpected field', { extra: 1 }],
    ['an array', [1, 2]],
  ])(
    'rejects %s as the payload with a typed validation error and never runs the handler',
    async (_, payload) => {
      const { handlers, calls } = recordingHandlers();
      const result = await dispatch(handlers, 'app.info', payload);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe('validation');
      expect(result.error).toHaveProperty('issues');
      expect(calls).toHaveLength(0);
    },
  );

  it('refuses an oversized payload before parsing it', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatch(handlers, 'app.info', { blob: 'x'.repeat(MAX_REQUEST_BYTES) });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('too large') as string },
    });
    expect(calls).toHaveLength(0);
  });

  it('passes a typed error through as it is', async () => {
    const { handlers } = recordingHandlers(
      new ValidationError('Amount exceeds the held sum.', [
        { path: 'amount', code: 'too_big', message: 'max 100' },
      ]),
    );
    expect(await dispatch(handlers, 'app.info', {})).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: 'Amount exceeds the held sum.',
        issues: [{ path: 'amount', code: 'too_big', message: 'max 100' }],
      },
    });
  });

  it('hides the text and stack of an unexpected error from the renderer', async () => {
    const { handlers } = recordingHandlers(new Error('db password is hunter2'));
    const result = await dispatch(handlers, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
