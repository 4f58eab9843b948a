import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDesk, type Desk } from '../../electron/core/desk';
import { dispatch, MAX_REQUEST_BYTES } from '../../electron/core/ipc';
import { DESKTOP_ID_FILE } from '../../electron/core/payments/desktopId';
import { channels, contract } from '../../electron/shared/contract';
import type { ElectronMock } from '../support/electronMock';
import { testKeychain } from '../support/keychain';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

let desk: Desk;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-fuzz-'));
  desk = createDesk({
    appName: 'UAPAY Desk',
    appVersion: '1',
    userDataDir: dir,
    shell: 'harness',
    secrets: testKeychain(),
    // The background round writes files on its own schedule (the desktop id, the orders cache):
    // not the payloads' doing, which is all this test watches.
    background: false,
  });
  // Let the core open its files first (the journal; the desktop id, which the payments side writes
  // as it opens), so what follows is only the payloads' doing.
  await dispatch(desk.handlers, 'journal.list', {});
  const deadline = Date.now() + 10_000;
  while (!existsSync(path.join(dir, DESKTOP_ID_FILE))) {
    if (Date.now() > deadline) throw new Error('the core did not write its desktop id at start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

/** Every file of the user-data folder with its size and modification time. */
async function snapshot(): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return Promise.all(
    names.sort().map(async (name) => {
      const info = await stat(path.join(dir, name));
      return `${name} ${info.size} ${info.mtimeMs}`;
    }),
  );
}
afterAll(async () => {
  await desk.close();
  await rm(dir, { recursive: true, force: true });
});

/** Anything a hostile or buggy page could send: JSON-ish values, deep nesting, odd numbers, long strings. */
const junk = fc.oneof(
  fc.anything({
    maxDepth: 4,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
  }),
  fc.jsonValue({ maxDepth: 5 }),
  fc.record({ paymentId: fc.oneof(fc.double(), fc.string(), fc.constant(-1), fc.constant(2 ** 60)) }),
  fc.record({
    amount: fc.oneof(fc.double(), fc.constant(-5), fc.constant(1.5), fc.string()),
    paymentId: fc.nat(),
  }),
  fc.record({ text: fc.string({ maxLength: 50 }), extra: fc.anything() }),
);

/** Only payloads the contract refuses: a valid one would legitimately run its handler. */
const invalidFor = (channel: (typeof channels)[number]) =>
  junk.filter((payload) => {
    try {
      return !contract[channel].request.safeParse(payload).success;
    } catch {
      return true;
    }
  });

describe('IPC under hostile payloads', () => {
  it.each(channels)(
    '%s: every malformed payload gets a typed validation error and writes nothing',
    async (channel) => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(invalidFor(channel), async (payload) => {
          const reply = await dispatch(desk.handlers, channel, payload);
          expect(reply.ok).toBe(false);
          if (!reply.ok) expect(reply.error.kind).toBe('validation');
          expect(JSON.stringify(reply)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
        }),
        { numRuns: 40 },
      );
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses oversized payloads on every channel before parsing them', async () => {
    const huge = { text: 'x'.repeat(MAX_REQUEST_BYTES + 1) };
    for (const channel of channels) {
      expect(await dispatch(desk.handlers, channel, huge)).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    }
  });

  it('refuses channel names that are not in the contract, including prototype tricks', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'payments.confirm.', 'app', '', null, 42]) {
      expect(await dispatch(desk.handlers, name, {})).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    }
  });

  it('main never throws to the page, whatever the payload or the sender', async () => {
    const electron = (await import('electron')) as unknown as ElectronMock;
    const { registerIpc, trustedSender } = await import('../../electron/main/ipc');
    const { APP_ORIGIN } = await import('../../electron/main/protocol');
    electron.ipcMain.handlers.clear();
    registerIpc(electron.ipcMain, desk.handlers, trustedSender([APP_ORIGIN]));
    const frames = [
      { url: `${APP_ORIGIN}/index.html`, parent: null },
      { url: 'https://evil.example', parent: null },
      null,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channels),
        junk,
        fc.constantFrom(...frames),
        async (channel, payload, frame) => {
          const handler = electron.ipcMain.handlers.get(channel);
          const reply = (await handler?.({ senderFrame: frame }, payload)) as { ok: boolean };
          if (
            contract[channel].request.safeParse(payload).success &&
            frame?.parent === null &&
            frame.url.startsWith(APP_ORIGIN)
          )
            return;
          expect(reply.ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
