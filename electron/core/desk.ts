import { channels, type Channel, type Handlers } from '../shared/contract';
import { appHandlers } from './app/info';
import type { ConnectionsOptions } from './connections';
import { DemoMode } from './demo/demoMode';
import { EventBus, scopedEvents } from './events';
import { log } from './log';
import { openLogFile } from './logFile';
import type { BackgroundTiming } from './background/round';
import { osKeychain, type SecretStore } from './secrets/keychain';
import { withoutSecrets } from './secrets/replyGuard';
import { UpdatesCenter } from './updates/center';
import { updatesHandlers } from './updates/handlers';
import { Workspace, type WorkspaceHandlers } from './workspace';

export interface DeskOptions {
  appName: string;
  appVersion: string;
  /** Where settings, the cache and the journal live (Electron's userData folder). */
  userDataDir: string;
  shell: 'electron' | 'harness';
  /** Tests pass their own service name so they never touch a person's real entries. */
  secrets?: SecretStore;
  /** Every UAPAY call goes to this origin (the sandbox, in tests). */
  uapayBaseUrl?: string;
  /** RetailCRM client timing and pace (tests make retries quick and the pace fast). */
  connections?: Pick<ConnectionsOptions, 'retailCrm' | 'retailCrmRequestsPerSecond'>;
  /**
   * The background round (reconcile, refresh, status sync) of the person's own workspace: unset is
   * the shipped timing, which is what main leaves it at. A test that wants it off says `false`; one
   * that wants it faster gives its own timing. (Demo mode keeps its own, livelier timing.)
   */
  background?: BackgroundTiming | false;
  /** Orders the Demo sandbox seeds (default: the sandbox's own). */
  demoSize?: number;
}

/** The whole back office, ready to serve the IPC contract. Main and the test harness build it alike. */
export interface Desk {
  handlers: Handlers;
  /** The log file in the user-data folder (logFile.ts). */
  logFile: { folder: string; flush(): Promise<void> };
  events: EventBus;
  /** The workspace the channels go to now: the person's own, or the Demo one. */
  workspace(): Workspace;
  /** The app's own updates: main's updater drives them (electron/main/updater.ts). */
  updates: UpdatesCenter;
  close(): Promise<void>;
}

export function createDesk(options: DeskOptions): Desk {
  const logFile = openLogFile(options.userDataDir);
  const events = new EventBus();
  const secretStore = options.secrets ?? osKeychain();
  const app = { appName: options.appName, appVersion: options.appVersion };
  const demo = new DemoMode({
    userDataDir: options.userDataDir,
    events,
    app,
    ...(options.demoSize !== undefined && { size: options.demoSize }),
  });
  const own = new Workspace({
    dir: options.userDataDir,
    secretStore,
    // The person's own workspace works on while Demo mode is on (open operations are finished,
    // payments kept in step), but the UI shows the Demo one: news of the own one waits.
    events: scopedEvents(events, () => demo.workspace === undefined),
    app,
    ...(options.uapayBaseUrl && { uapayBaseUrl: options.uapayBaseUrl }),
    ...(options.connections && { connections: options.connections }),
    ...(options.background !== undefined && { background: options.background }),
  });
  const current = () => demo.workspace ?? own;
  /** The states the status bar follows, of the workspace the UI now shows. */
  const announce = (workspace: Workspace) => {
    events.emit('background.status', workspace.background.status());
    events.emit('relay.status', workspace.relay.status());
  };
  // The feed is the person's own setting (from their team profile), Demo mode or not.
  const updates = new UpdatesCenter({
    events,
    feedUrl: async () => (await own.settings.get()).updateFeedUrl,
  });

  // Demo mode outlives a restart: the flag is in the person's own settings. Calls wait for that
  // start, so the UI never sees the person's own workspace while Demo mode is on.
  const booting = own.settings
    .get()
    .then(async (settings) => {
      if (settings.demoMode) await demo.start();
    })
    .catch((error: unknown) => log.error('demo: could not start again', { error }));

  const routed = Object.fromEntries(
    channels
      .filter(
        (channel): channel is Exclude<Channel, `app.${string}` | `demo.${string}`> =>
          !/^(app|demo)\./.test(channel),
      )
      .map((channel) => [
        channel,
        async (request: never) => {
          await booting;
          return (current().handlers[channel] as (r: never) => Promise<unknown>)(request);
        },
      ]),
  ) as unknown as WorkspaceHandlers;

  const handlers = withoutSecrets({
    ...appHandlers({ ...options, secrets: secretStore }),
    ...updatesHandlers(updates),
    'demo.start': async () => {
      const workspace = await demo.start();
      await own.settings.setDemoMode(true);
      announce(workspace);
      return workspace.settings.view();
    },
    'demo.stop': async () => {
      await demo.stop();
      await own.settings.setDemoMode(false);
      announce(own);
      return own.settings.view();
    },
    'demo.mailbox': async () => demo.mailbox(),
    ...routed,
  } satisfies Handlers);
  let closing: Promise<void> | undefined;
  return {
    handlers,
    logFile,
    events,
    workspace: current,
    updates,
    // Once, however often asked (main's quit and a test's cleanup may both ask).
    close: () =>
      (closing ??= (async () => {
        updates.close();
        await demo.stop();
        await own.close();
        await logFile.close();
      })()),
  };
}
