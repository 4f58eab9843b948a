import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePairingCode } from '../../electron/shared/pairingCode';
import { scanForSecrets } from '../support/secretScan';

const SECRET = 'abc.DEF_ghi-jkl+mno/"q"';
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the secret scanner', () => {
  it('finds a secret in any encoding, in nested files and in captured text', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-scan-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'a/b'), { recursive: true });
    await writeFile(path.join(dir, 'a/b/plain.log'), `x ${SECRET} y`);
    await writeFile(path.join(dir, 'a/url.txt'), `?key=${encodeURIComponent(SECRET)}`);
    await writeFile(path.join(dir, 'clean.txt'), 'nothing here');
    for (const prefix of ['', 'x', 'xy']) {
      const text = Buffer.from(`${prefix}${SECRET}tail`).toString('base64');
      expect(
        scanForSecrets([], [text], [SECRET]).map((h) => h.form),
        prefix,
      ).toEqual([`base64@${prefix.length}`]);
    }
    const code = encodePairingCode({
      callbackUrl: 'http://127.0.0.1:1/uapay/callback/c',
      eventsUrl: 'http://127.0.0.1:1/events/c',
      token: 'AbCdEfGhIjKl.0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
    });
    const hits = scanForSecrets(
      [dir, path.join(dir, 'missing')],
      [JSON.stringify({ v: SECRET }), code],
      [SECRET, '0123456789abcdefghijklmnopqrstuvwxyzABCDEFG'],
    );
    expect(hits.map((h) => [h.secret, h.where.replace(dir, ''), h.form])).toEqual([
      [0, 'file:/a/b/plain.log', 'plain'],
      [0, 'file:/a/url.txt', 'uri'],
      [0, 'text:0', 'json'],
      [1, 'text:1', expect.stringMatching(/^base64(url)?@/) as string],
    ]);
    expect(hits[0]!.context).toBe('x <SECRET> y');
    expect(JSON.stringify(hits)).not.toContain(SECRET);
  });
});
