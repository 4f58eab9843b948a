import { channels, type Channel, type Handlers } from '../shared/contract';
import { appHandlers } from './app/info';
import type { ConnectionsOptions } from './connections';
import { DemoMode } from './demo/demoMode';
import { EventBus } from './events';
import { log } from './log';
import type { BackgroundTiming } from './payments/service';
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
  /** Background status sync and list refresh; off unless given (tests drive them themselves). */
  background?: BackgroundTiming;
  /** Orders the Demo sandbox seeds (default: the sandbox's own). */
  demoSize?: number;
}

/** The whole back office, ready to serve the IPC contract. Main and the test harness build it alike. */
export interface Desk {
  handlers: Handlers;
  events: EventBus;
  /** The workspace the channels go to now: the person's own, or the Demo one. */
  workspace(): Workspace;
  /** The app's own updates: main's updater drives them (electron/main/updater.ts). */
  updates: UpdatesCenter;
  close(): Promise<void>;
}

export function createDesk(options: DeskOptions): Desk {
  const events = new EventBus();
  const secretStore = options.secrets ?? osKeychain();
  const app = { appName: options.appName, appVersion: options.appVersion };
  const own = new Workspace({
    dir: options.userDataDir,
    secretStore,
    events,
    app,
    ...(options.uapayBaseUrl && { uapayBaseUrl: options.uapayBaseUrl }),
    ...(options.connections && { connections: options.connections }),
    ...(options.background && { background: options.background }),
  });
  const demo = new DemoMode({
    userDataDir: options.userDataDir,
    events,
    app,
    ...(options.demoSize !== undefined && { size: options.demoSize }),
  });
  const current = () => demo.workspace ?? own;
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
      return workspace.settings.view();
    },
    'demo.stop': async () => {
      await demo.stop();
      await own.settings.setDemoMode(false);
      return own.settings.view();
    },
    'demo.mailbox': async () => demo.mailbox(),
    ...routed,
  } satisfies Handlers);
  return {
    handlers,
    events,
    workspace: current,
    updates,
    close: async () => {
      updates.close();
      await demo.stop();
      await own.close();
    },
  };
}
