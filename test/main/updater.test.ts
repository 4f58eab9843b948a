import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import type { UpdateStatus } from '../../electron/shared/channels/updates';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const { buildFeedOf, startUpdater } = await import('../../electron/main/updater');
const { UpdatesCenter } = await import('../../electron/core/updates/center');
const { EventBus } = await import('../../electron/core/events');
const { FIRST_CHECK_DELAY_MS } = await import('../../electron/core/updates/policy');

const FEED = 'https://updates.myshop.ua/desk';
/** A build whose electron-builder `publish` feed is FEED. */
const BUILT = { buildFeed: FEED, verifiesSignature: true };

/** Records what our glue asks of electron-updater; the test plays electron-updater's events. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowPrerelease = true;
  allowDowngrade = true;
  logger: unknown = null;
  feeds: unknown[] = [];
  installs: unknown[][] = [];
  onCheck: () => void = () => this.emit('update-not-available', { version: '0.1.0' });
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  }
  async checkForUpdates() {
    this.emit('checking-for-update');
    this.onCheck();
    return { downloadPromise: Promise.reject(new Error('download failed (also reported as an event)')) };
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args);
  }
}

/** `null`: no feed set. */
function setup(feed: string | null = FEED) {
  const events = new EventBus();
  const seen: UpdateStatus[] = [];
  events.subscribe((event, payload) => {
    if (event === 'app.update') seen.push(payload);
  });
  const center = new UpdatesCenter({ events, feedUrl: async () => feed ?? undefined });
  const fake = new FakeUpdater();
  const factory = vi.fn(() => fake as unknown as AppUpdater);
  return { center, fake, factory, seen };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('updater glue', () => {
  it('points electron-updater at the generic feed from the settings and downloads in the background', async () => {
    const { center, fake, factory } = setup();
    startUpdater(center, { isPackaged: true, platform: 'win32', ...BUILT }, factory);
    expect(factory).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: FEED }]);
    expect(fake).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowPrerelease: false,
      allowDowngrade: false,
    });
    expect(center.status()).toMatchObject({ state: 'idle', checkedAt: expect.any(String) });
    center.close();
  });

  it("turns electron-updater's events into the state the UI sees, and installs only when asked", async () => {
    const { center, fake, factory, seen } = setup();
    fake.onCheck = () => {
      fake.emit('update-available', { version: '0.2.0' });
      fake.emit('download-progress', { percent: 12.5 });
      fake.emit('update-downloaded', { version: '0.2.0' });
    };
    startUpdater(center, { isPackaged: true, platform: 'darwin', ...BUILT }, factory);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(seen.slice(-4)).toEqual([
      { state: 'checking' },
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 12 },
      { state: 'ready', version: '0.2.0' },
    ]);
    expect(fake.installs).toEqual([]);
    center.restart();
    // Silent install, then the app starts again.
    expect(fake.installs).toEqual([[true, true]]);
    center.close();
  });

  it('reports an error event as a worded problem', async () => {
    const { center, fake, factory } = setup();
    fake.onCheck = () =>
      fake.emit(
        'error',
        Object.assign(new Error('Cannot find channel "latest.yml" update info: HttpError: 404'), {
          code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
        }),
      );
    startUpdater(center, { isPackaged: true, platform: 'win32', ...BUILT }, factory);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(center.status()).toMatchObject({ state: 'error', problem: 'noRelease' });
    center.close();
  });

  it.each([
    ['started from source', { isPackaged: false, platform: 'win32' } as const, 'development'],
    ['a .deb install', { isPackaged: true, platform: 'linux', packageType: 'deb' } as const, 'systemPackage'],
  ])('never creates electron-updater when %s', async (_, facts, reason) => {
    const { center, factory } = setup();
    startUpdater(center, facts, factory);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS * 10);
    expect(factory).not.toHaveBeenCalled();
    expect(center.status()).toEqual({ state: 'off', reason });
  });

  it('never creates electron-updater in a build without a feed', async () => {
    const { center, factory } = setup(FEED);
    startUpdater(
      center,
      { isPackaged: true, platform: 'linux', appImage: '/opt/UAPAY-Desk.AppImage' },
      factory,
    );
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(factory).not.toHaveBeenCalled();
    expect(center.status()).toEqual({ state: 'off', reason: 'noFeed' });
    center.close();
  });

  it.each([
    ['an unsigned Windows build', { platform: 'win32', verifiesSignature: false }],
    ['an AppImage', { platform: 'linux', appImage: '/opt/UAPAY-Desk.AppImage', verifiesSignature: false }],
  ] as const)('never installs into %s at quit, only when the person says so', async (_, facts) => {
    const { center, fake, factory } = setup();
    fake.onCheck = () => fake.emit('update-downloaded', { version: '0.2.0' });
    startUpdater(center, { isPackaged: true, buildFeed: FEED, ...facts }, factory);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(fake).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false });
    expect(center.status()).toEqual({ state: 'ready', version: '0.2.0' });
    expect(fake.installs).toEqual([]);
    center.restart(); // the person's yes in the prompt
    expect(fake.installs).toEqual([[true, true]]);
    center.close();
  });
});

describe("the build's app-update.yml", () => {
  it('gives the feed and whether Windows updates must carry the publisher signature', () => {
    expect(
      buildFeedOf(
        'provider: generic\nurl: https://updates.myshop.ua/desk/\npublisherName:\n  - UAPAY Desk contributors\n',
      ),
    ).toEqual({ url: FEED, publisherName: true });
    expect(buildFeedOf('provider: generic\nurl: https://updates.myshop.ua/desk\n')).toEqual({
      url: FEED,
      publisherName: false,
    });
  });

  it('has no feed in a build made without one (the placeholder), over http, or without the file', () => {
    expect(buildFeedOf('provider: generic\nurl: https://updates.invalid/uapay-desk\n')).toEqual({
      publisherName: false,
    });
    expect(buildFeedOf('provider: generic\nurl: http://updates.myshop.ua/desk\n').url).toBeUndefined();
    expect(buildFeedOf(undefined)).toEqual({ publisherName: false });
  });
});
