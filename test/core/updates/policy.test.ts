import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../electron/shared/channels/updates';
import {
  CHECK_INTERVAL_MS,
  describeUpdateError,
  installCannotUpdate,
  mayCheck,
  nextCheckDelay,
  nextStatus,
  RETRY_AFTER_ERROR_MS,
} from '../../../electron/core/updates/policy';

const now = new Date('2026-05-06T10:00:00.000Z');
/** An error shaped as electron-updater's `newError` makes them: a message and a `code`. */
const updaterError = (message: string, code?: string) => Object.assign(new Error(message), code && { code });

describe('which installs update themselves', () => {
  it.each([
    [{ isPackaged: true, platform: 'win32' }, undefined],
    [{ isPackaged: true, platform: 'darwin' }, undefined],
    [{ isPackaged: true, platform: 'linux', appImage: '/home/a/UAPAY-Desk.AppImage' }, undefined],
    [{ isPackaged: true, platform: 'linux', packageType: 'deb' }, 'systemPackage'],
    [{ isPackaged: true, platform: 'linux' }, 'unsupported'],
    [{ isPackaged: true, platform: 'freebsd' }, 'unsupported'],
    [{ isPackaged: false, platform: 'win32' }, 'development'],
  ] as const)('%j → %s', (facts, reason) => {
    expect(installCannotUpdate(facts)).toBe(reason);
  });
});

describe('update state', () => {
  it('goes checking → downloading with progress → ready', () => {
    let status: UpdateStatus = { state: 'idle' };
    status = nextStatus(status, { type: 'checking' }, now);
    expect(status).toEqual({ state: 'checking' });
    status = nextStatus(status, { type: 'available', version: '1.4.0' }, now);
    expect(status).toEqual({ state: 'downloading', version: '1.4.0', percent: 0 });
    status = nextStatus(status, { type: 'progress', percent: 41.7 }, now);
    expect(status).toEqual({ state: 'downloading', version: '1.4.0', percent: 41 });
    status = nextStatus(status, { type: 'downloaded', version: '1.4.0' }, now);
    expect(status).toEqual({ state: 'ready', version: '1.4.0' });
  });

  it('records when a check found nothing newer', () => {
    expect(nextStatus({ state: 'checking' }, { type: 'notAvailable' }, now)).toEqual({
      state: 'idle',
      checkedAt: '2026-05-06T10:00:00.000Z',
    });
  });

  it('keeps a downloaded update waiting whatever a later check says', () => {
    const ready: UpdateStatus = { state: 'ready', version: '1.4.0' };
    expect(nextStatus(ready, { type: 'checking' }, now)).toBe(ready);
    expect(nextStatus(ready, { type: 'notAvailable' }, now)).toBe(ready);
    expect(nextStatus(ready, { type: 'progress', percent: 5 }, now)).toBe(ready);
  });

  it('turns a failure into a problem the UI can word, with the first line for support', () => {
    const status = nextStatus(
      { state: 'checking' },
      {
        type: 'error',
        error: updaterError('getaddrinfo ENOTFOUND updates.shop.ua\n    at stack', 'ENOTFOUND'),
      },
      now,
    );
    expect(status).toEqual({
      state: 'error',
      problem: 'unreachable',
      detail: 'getaddrinfo ENOTFOUND updates.shop.ua',
      at: '2026-05-06T10:00:00.000Z',
    });
  });

  it('starts no check while one runs, downloads or waits for the restart', () => {
    expect(mayCheck({ state: 'idle' })).toBe(true);
    expect(mayCheck({ state: 'off', reason: 'noFeed' })).toBe(true);
    expect(mayCheck({ state: 'error', problem: 'failed', detail: 'x', at: now.toISOString() })).toBe(true);
    expect(mayCheck({ state: 'checking' })).toBe(false);
    expect(mayCheck({ state: 'downloading', version: '2.0.0', percent: 3 })).toBe(false);
    expect(mayCheck({ state: 'ready', version: '2.0.0' })).toBe(false);
  });
});

describe('check schedule', () => {
  it('checks daily, again within the hour after a failure, and no more once an update waits', () => {
    expect(nextCheckDelay({ state: 'idle', checkedAt: now.toISOString() })).toBe(CHECK_INTERVAL_MS);
    expect(nextCheckDelay({ state: 'off', reason: 'noFeed' })).toBe(CHECK_INTERVAL_MS);
    expect(nextCheckDelay({ state: 'error', problem: 'unreachable', detail: 'x', at: '' })).toBe(
      RETRY_AFTER_ERROR_MS,
    );
    expect(nextCheckDelay({ state: 'ready', version: '2.0.0' })).toBeUndefined();
    expect(CHECK_INTERVAL_MS).toBe(24 * 60 * 60 * 1000);
  });
});

describe('update problems', () => {
  it.each([
    [updaterError('net::ERR_INTERNET_DISCONNECTED'), 'unreachable'],
    [updaterError('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED'), 'unreachable'],
    [Object.assign(new Error('HttpError: 503 Service Unavailable'), { statusCode: 503 }), 'unreachable'],
    [
      updaterError(
        'Cannot find channel "latest.yml" update info: HttpError: 404 \n"method: GET url: https://u/latest.yml"',
        'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
      ),
      'noRelease',
    ],
    [updaterError('Cannot find latest-linux.yml', 'ERR_UPDATER_INVALID_UPDATE_INFO'), 'noRelease'],
    [updaterError('HttpError: 404 Not Found'), 'noRelease'],
    [
      updaterError(
        'New version 2.0.0 is not signed by the application owner: publisherNames: UAPAY Desk',
        'ERR_UPDATER_INVALID_SIGNATURE',
      ),
      'untrusted',
    ],
    [updaterError('Code signature at URL file:///… did not pass validation'), 'untrusted'],
    [updaterError('sha512 checksum mismatch, expected abc, got def', 'ERR_CHECKSUM_MISMATCH'), 'corrupt'],
    [updaterError('EACCES: permission denied, rename …', 'EACCES'), 'failed'],
    ['a thrown string', 'failed'],
  ])('%s → %s', (error, problem) => {
    expect(describeUpdateError(error).problem).toBe(problem);
  });

  it('keeps only the first line, shortened, of a long message', () => {
    const { detail } = describeUpdateError(new Error(`${'x'.repeat(500)}\nresponse headers…`));
    expect(detail).toBe('x'.repeat(300));
  });
});
