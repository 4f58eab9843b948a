import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesk } from '../../../electron/core/desk';
import { EventBus } from '../../../electron/core/events';
import { dispatch } from '../../../electron/core/ipc';
import { UpdatesCenter, type UpdateDriver } from '../../../electron/core/updates/center';
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  RETRY_AFTER_ERROR_MS,
  type InstallFacts,
} from '../../../electron/core/updates/policy';
import type { UpdateStatus } from '../../../electron/shared/channels/updates';
import { testKeychain } from '../../support/keychain';

const FEED = 'https://updates.myshop.ua/desk';
/** A signed Windows build whose feed (electron-builder `publish`) is FEED. */
const WINDOWS: InstallFacts = {
  isPackaged: true,
  platform: 'win32',
  buildFeed: FEED,
  verifiesSignature: true,
};

/** Stands in for electron-updater: each check answers what the test queued. */
function fakeDriver(center: () => UpdatesCenter) {
  const checks: string[] = [];
  const answers: Array<'none' | 'update' | 'fail'> = [];
  const driver: UpdateDriver & { checks: string[]; answers: typeof answers; restarts: number } = {
    checks,
    answers,
    restarts: 0,
    check: async (feedUrl) => {
      checks.push(feedUrl);
      const answer = answers.shift() ?? 'none';
      if (answer === 'fail')
        throw Object.assign(new Error('getaddrinfo ENOTFOUND updates.myshop.ua'), { code: 'ENOTFOUND' });
      center().report({ type: 'checking' });
      if (answer === 'none') center().report({ type: 'notAvailable' });
      else {
        center().report({ type: 'available', version: '0.2.0' });
        center().report({ type: 'progress', percent: 50 });
        center().report({ type: 'downloaded', version: '0.2.0' });
      }
    },
    restart: () => {
      driver.restarts++;
    },
  };
  return driver;
}

/** `null`: no feed set. */
function setup(feed: string | null = FEED) {
  const events = new EventBus();
  const seen: UpdateStatus[] = [];
  events.subscribe((event, payload) => {
    if (event === 'app.update') seen.push(payload);
  });
  let feedUrl = feed ?? undefined;
  const center = new UpdatesCenter({
    events,
    feedUrl: async () => feedUrl,
    now: () => new Date('2026-05-06T10:00:00.000Z'),
  });
  const driver = fakeDriver(() => center);
  return { center, driver, seen, setFeed: (url: string | undefined) => (feedUrl = url) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('update schedule', () => {
  it('is off, and asks nothing, until main starts it (the browser harness never does)', async () => {
    const { center, driver } = setup();
    expect(center.status()).toEqual({ state: 'off', reason: 'unsupported' });
    expect(await center.check()).toEqual({ state: 'off', reason: 'unsupported' });
    expect(driver.checks).toEqual([]);
  });

  it('checks shortly after start and then once a day', async () => {
    const { center, driver } = setup();
    center.start(driver, WINDOWS);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(driver.checks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(driver.checks).toEqual([FEED]);
    expect(center.status()).toEqual({ state: 'idle', checkedAt: '2026-05-06T10:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS - 1);
    expect(driver.checks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(driver.checks).toHaveLength(2);
    center.close();
  });

  it("checks the build's own feed, and a folder a profile names on the same origin", async () => {
    const { center, driver, setFeed } = setup(null);
    center.start(driver, WINDOWS);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(driver.checks).toEqual([FEED]);
    setFeed('https://updates.myshop.ua/desk-beta');
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(driver.checks).toEqual([FEED, 'https://updates.myshop.ua/desk-beta']);
    center.close();
  });

  it('ignores a feed a profile names on another host, and checks the build feed instead', async () => {
    const { center, driver } = setup('https://updates.attacker.example/desk');
    center.start(driver, WINDOWS);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(driver.checks).toEqual([FEED]);
    center.close();
  });

  it('is off in a build without a feed, whatever a profile says', async () => {
    const { center, driver, seen } = setup(FEED);
    center.start(driver, { isPackaged: true, platform: 'win32' });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(center.status()).toEqual({ state: 'off', reason: 'noFeed' });
    expect(driver.checks).toEqual([]);
    expect(seen.at(-1)).toEqual({ state: 'off', reason: 'noFeed' });
    center.close();
  });

  it('retries within the hour after a failed check', async () => {
    const { center, driver } = setup();
    driver.answers.push('fail');
    center.start(driver, WINDOWS);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(center.status()).toMatchObject({ state: 'error', problem: 'unreachable' });
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_ERROR_MS);
    expect(driver.checks).toHaveLength(2);
    expect(center.status()).toMatchObject({ state: 'idle' });
    center.close();
  });

  it('never starts on an install that cannot update itself', async () => {
    const { center, driver } = setup();
    center.start(driver, { isPackaged: true, platform: 'linux', packageType: 'deb' });
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 2);
    expect(driver.checks).toEqual([]);
    expect(center.status()).toEqual({ state: 'off', reason: 'systemPackage' });
  });

  it('stops checking when closed', async () => {
    const { center, driver } = setup();
    center.start(driver, WINDOWS);
    center.close();
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 2);
    expect(driver.checks).toEqual([]);
  });
});

describe('asking before the restart', () => {
  it('downloads in the background, tells the UI it is ready, and restarts only when asked', async () => {
    const { center, driver, seen } = setup();
    driver.answers.push('update');
    center.start(driver, WINDOWS);
    expect(() => center.restart()).toThrow(
      expect.objectContaining({ info: expect.objectContaining({ reason: 'not_ready' }) }),
    );
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(seen).toEqual([
      { state: 'idle' },
      { state: 'checking' },
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 50 },
      { state: 'ready', version: '0.2.0' },
    ]);
    expect(driver.restarts).toBe(0);
    // Nothing more is checked while the update waits.
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 2);
    expect(driver.checks).toHaveLength(1);
    center.restart();
    expect(driver.restarts).toBe(1);
    center.close();
  });
});

describe('updates in the desk', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });

  it('serves the state over the contract and checks the feed the team profile set', async () => {
    vi.useRealTimers();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-updates-'));
    dirs.push(dir);
    const desk = createDesk({
      appName: 'UAPAY Desk',
      appVersion: '0.1.0',
      userDataDir: dir,
      shell: 'harness',
      secrets: testKeychain(),
    });
    try {
      expect(await dispatch(desk.handlers, 'app.update.status', {})).toEqual({
        ok: true,
        value: { state: 'off', reason: 'unsupported' },
      });
      const profile = {
        kind: 'uapay-desk.team-profile',
        format: 1,
        exportedAt: '2026-05-06T09:00:00.000Z',
        settings: {
          retailCrm: null,
          merchants: [],
          statusMapping: {},
          smtp: null,
          relay: null,
          holdLifetimeHours: 168,
          payLinkLifetimeHours: 72,
          updateFeedUrl: FEED,
        },
      };
      expect(
        await dispatch(desk.handlers, 'profile.import', { text: JSON.stringify(profile) }),
      ).toMatchObject({
        ok: true,
      });
      const driver = fakeDriver(() => desk.updates);
      desk.updates.start(driver, WINDOWS);
      expect(await dispatch(desk.handlers, 'app.update.check', {})).toMatchObject({
        ok: true,
        value: { state: 'idle' },
      });
      expect(driver.checks).toEqual([FEED]);
      expect(await dispatch(desk.handlers, 'app.update.restart', {})).toMatchObject({
        ok: false,
        error: { kind: 'refused', reason: 'not_ready' },
      });
    } finally {
      await desk.close();
    }
  });
});
