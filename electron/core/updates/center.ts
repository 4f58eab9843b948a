import type { UpdateStatus } from '../../shared/channels/updates';
import { RefusedError } from '../errors';
import type { EventBus } from '../events';
import { log } from '../log';
import {
  chooseFeed,
  FIRST_CHECK_DELAY_MS,
  installCannotUpdate,
  mayCheck,
  nextCheckDelay,
  nextStatus,
  type InstallFacts,
  type UpdaterReport,
} from './policy';

/** What main's updater does for the center (electron/main/updater.ts, with electron-updater). */
export interface UpdateDriver {
  /** Points the updater at `feedUrl` and checks; a newer version then downloads in the background. */
  check(feedUrl: string): Promise<void>;
  /** Quits and installs the downloaded update. */
  restart(): void;
}

export interface UpdatesCenterOptions {
  events: EventBus;
  /**
   * The person's own `settings.updateFeedUrl`, read at every check: a profile may set it any time.
   * It is used only on the origin of the feed the build fixed (`InstallFacts.buildFeed`).
   */
  feedUrl: () => Promise<string | undefined>;
  now?: () => Date;
}

/**
 * The app's update state, kept in the core so the UI reads it through the contract like anything
 * else: `app.update.*` channels and the `app.update` event. Until main starts it with a driver
 * (never in the browser harness), updates are `off` as `unsupported`.
 */
export class UpdatesCenter {
  private current: UpdateStatus = { state: 'off', reason: 'unsupported' };
  private driver: UpdateDriver | undefined;
  private buildFeed: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly now: () => Date;

  constructor(private readonly options: UpdatesCenterOptions) {
    this.now = options.now ?? (() => new Date());
  }

  status(): UpdateStatus {
    return this.current;
  }

  /** Main, once at start: checks after a short delay, then daily, while the app runs. */
  start(driver: UpdateDriver, facts: InstallFacts): void {
    const reason = installCannotUpdate(facts);
    if (reason) {
      this.set({ state: 'off', reason });
      return;
    }
    this.driver = driver;
    this.buildFeed = facts.buildFeed;
    this.set({ state: 'idle' });
    void this.feed().then((feed) => feed ?? this.set({ state: 'off', reason: 'noFeed' }));
    this.schedule(FIRST_CHECK_DELAY_MS);
  }

  /** Checks now unless updates are off for this install, or one is already under way. */
  async check(): Promise<UpdateStatus> {
    const driver = this.driver;
    if (!driver || !mayCheck(this.current)) return this.current;
    const feed = await this.feed();
    if (!feed) {
      this.set({ state: 'off', reason: 'noFeed' });
      return this.current;
    }
    this.report({ type: 'checking' });
    try {
      await driver.check(feed);
      // electron-updater answers some checks without an event (e.g. one it decided to skip).
      if (this.current.state === 'checking') this.report({ type: 'notAvailable' });
    } catch (error) {
      this.report({ type: 'error', error });
    }
    return this.current;
  }

  /** The person agreed to restart. Only an update that is downloaded can be installed. */
  restart(): UpdateStatus {
    if (this.current.state !== 'ready' || !this.driver) {
      throw new RefusedError('not_ready', 'No update has been downloaded yet.', {
        state: this.current.state,
      });
    }
    log.info('updates: restarting to install', { version: this.current.version });
    this.driver.restart();
    return this.current;
  }

  /** Main's updater reports here what electron-updater says. */
  report(report: UpdaterReport): void {
    if (report.type === 'error') log.warn('updates: failed', { error: report.error });
    this.set(nextStatus(this.current, report, this.now()));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private async feed(): Promise<string | undefined> {
    let profileFeed: string | undefined;
    try {
      profileFeed = await this.options.feedUrl();
    } catch (error) {
      log.warn('updates: could not read the feed address', { error });
    }
    const chosen = chooseFeed(profileFeed, this.buildFeed);
    if (chosen.refused)
      log.warn('updates: the team profile names a feed this build does not allow; ignored', {
        feed: chosen.refused,
        ...(this.buildFeed && { allowed: new URL(this.buildFeed).origin }),
      });
    return chosen.url;
  }

  private schedule(delay: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.check().then((status) => {
        const next = nextCheckDelay(status);
        if (next !== undefined) this.schedule(next);
      });
    }, delay);
    // The schedule never keeps a process alive (the harness, tests); Electron's loop runs anyway.
    this.timer.unref?.();
  }

  private set(status: UpdateStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.current)) return;
    this.current = status;
    this.options.events.emit('app.update', status);
  }
}
