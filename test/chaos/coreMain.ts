/**
 * The real core in the child process: one Workspace (as the app builds it) on the run's user-data
 * folder, its keys in a file (fileSecrets.ts), UAPAY at the sandbox. Each request from the parent
 * goes through `dispatch`, the same validation and error mapping as the app's IPC.
 */
import { EventBus } from '../../electron/core/events';
import { dispatch } from '../../electron/core/ipc';
import type { LeaseTiming } from '../../electron/core/payments/lease';
import type { PaymentsServiceOptions } from '../../electron/core/payments/service';
import { Workspace, type WorkspaceOptions } from '../../electron/core/workspace';
import type { Handlers } from '../../electron/shared/contract';
import { fileSecretStore } from './fileSecrets';
import { CORE_TIMING, type FromCore, type ToCore } from './protocol';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing`);
  return value;
};

/**
 * The lock timing the run asks for (protocol.ts CHAOS_LEASE), else the shipped one. WorkspaceOptions
 * does not list `lease` among the payment options it passes on, though it passes them all on as
 * they are: the option is named here, once, rather than widened in the core for a test.
 */
const lease = process.env.DESK_CHAOS_LEASE
  ? (JSON.parse(process.env.DESK_CHAOS_LEASE) as LeaseTiming)
  : undefined;
const payments: NonNullable<WorkspaceOptions['payments']> & Pick<PaymentsServiceOptions, 'lease'> = {
  hintDelayMs: 0,
  lookAgainMs: CORE_TIMING.lookAgainMs,
  ...(lease && { lease }),
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
  payments,
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
