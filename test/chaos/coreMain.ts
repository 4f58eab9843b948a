/**
 * The real core in the child process: one Workspace (as the app builds it) on the run's user-data
 * folder, its keys in a file (fileSecrets.ts), UAPAY at the sandbox. Each request from the parent
 * goes through `dispatch`, the same validation and error mapping as the app's IPC.
 */
import { EventBus } from '../../electron/core/events';
import { dispatch } from '../../electron/core/ipc';
import { Workspace } from '../../electron/core/workspace';
import type { Handlers } from '../../electron/shared/contract';
import { fileSecretStore } from './fileSecrets';
import { CORE_TIMING, type FromCore, type ToCore } from './protocol';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing`);
  return value;
};

const workspace = new Workspace({
  dir: env('DESK_CHAOS_DIR'),
  secretStore: fileSecretStore(env('DESK_CHAOS_SECRETS')),
  events: new EventBus(),
  app: { appName: 'UAPAY Desk', appVersion: 'chaos' },
  uapayBaseUrl: env('DESK_CHAOS_UAPAY_URL'),
  connections: {
    uapayTimeoutMs: CORE_TIMING.uapayTimeoutMs,
    retailCrm: CORE_TIMING.retailCrm,
    retailCrmRequestsPerSecond: 1_000,
  },
  // The app's background round (reconcile, refresh, status sync), only more often.
  background: CORE_TIMING.background,
  payments: { hintDelayMs: 0, lookAgainMs: CORE_TIMING.lookAgainMs },
});
// The workspace answers every channel but app.* and demo.*, which the run never calls.
const handlers = workspace.handlers as unknown as Handlers;

const send = (message: FromCore) => process.send?.(message);

process.on('message', (message: ToCore) => {
  void (async () => {
    switch (message.kind) {
      case 'call':
        send({ id: message.id, result: await dispatch(handlers, message.channel, message.request) });
        return;
      case 'reconcile':
        send({ id: message.id, result: { ok: true, value: await workspace.payments.reconcile() } });
        return;
      case 'close':
        await workspace.close();
        process.send?.({ id: message.id, result: { ok: true, value: null } } satisfies FromCore, () =>
          process.exit(0),
        );
        return;
    }
  })();
});
send({ ready: true });
