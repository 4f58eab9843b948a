import { AsyncEntry } from '@napi-rs/keyring';
import type { KeychainStatus } from '../../shared/app';
import { KeychainError } from '../errors';

/** Every secret of the app lives under this service name in the OS keychain. */
const KEYCHAIN_SERVICE = 'UAPAY Desk';

/**
 * Secrets in the OS keychain and nowhere else. There is deliberately no plain-text fallback:
 * when the keychain is missing, saving fails loudly instead of writing a key to disk.
 */
export interface SecretStore {
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
}

// On Linux the library would fall back to the kernel keyring, which forgets everything at
// reboot; pinning Secret Service turns that silent loss into a clear "unavailable".
const ENTRY_OPTIONS = { linux: { store: 'secret-service' as const } };

const BACKENDS: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macos-keychain',
  win32: 'windows-credential-manager',
  linux: 'secret-service',
};

export function osKeychain(service: string = KEYCHAIN_SERVICE): SecretStore {
  const backend = BACKENDS[process.platform] ?? process.platform;
  const entry = (account: string) => new AsyncEntry(service, account, ENTRY_OPTIONS);

  async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await onceMoreAfterRestart(run);
    } catch (cause) {
      throw new KeychainError(
        'unavailable',
        `The ${backend} keychain could not ${what}: ${describe(cause)}`,
        {
          cause,
        },
      );
    }
  }

  return {
    async status() {
      try {
        // Inside the try: with no D-Bus session, creating the entry already throws.
        const probe = entry(`probe:${process.pid}:${Date.now()}`);
        await probe.setPassword('probe');
        await settled(
          () => probe.getPassword(),
          (value) => value === 'probe',
          'return what was saved',
        );
        await probe.deletePassword();
        return { available: true, backend };
      } catch (cause) {
        return { available: false, backend, problem: describe(cause) };
      }
    },
    get: (account) =>
      guarded('read a secret', async () => {
        try {
          return await entry(account).getPassword();
        } catch (error) {
          // Secret Service: an item deleted while it was being read is "gone", not a failure.
          if (VANISHED.test(describe(error))) return null;
          throw error;
        }
      }),
    set: (account, secret) =>
      guarded('save a secret', async () => {
        await entry(account).setPassword(secret);
        await settled(
          () => entry(account).getPassword(),
          (value) => value === secret,
          'keep the secret',
        );
      }),
    delete: (account) =>
      guarded('delete a secret', async () => {
        const deleted = await entry(account).deletePassword();
        await settled(
          () => entry(account).getPassword(),
          (value) => value === null,
          'forget the secret',
        );
        return deleted;
      }),
  };
}

/**
 * gnome-keyring writes its file after a change and reloads it when the file changes; for a moment
 * (measured: up to ~0.2 s under load) a read can still return the previous value. A save or a
 * delete therefore returns only once a read agrees, so the next read anywhere sees it.
 */
async function settled<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<void> {
  for (const wait of SETTLE_WAITS_MS) {
    if (ok(await read())) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  if (!ok(await read())) throw new Error(`the keychain did not ${what} (it still answers the old value)`);
}

const VANISHED = /Object does not exist at path|No such object/i;

/**
 * When the Secret Service restarts (gnome-keyring crashed, or the session restarted it), a call in
 * flight fails with a D-Bus transport error and D-Bus starts the service again on the next call.
 * One more try, on a fresh entry and so a fresh connection, finds the new one; every operation here
 * is idempotent (set the same value, delete what may be gone, read).
 */
const RESTARTED =
  /NoReply|ServiceUnknown|Disconnected|did not receive a reply|without replying|session .*does not exist/i;
const RESTART_WAIT_MS = 300;

async function onceMoreAfterRestart<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!RESTARTED.test(describe(error))) throw error;
    await new Promise((resolve) => setTimeout(resolve, RESTART_WAIT_MS));
    return run();
  }
}

const SETTLE_WAITS_MS = [10, 25, 50, 100, 200, 400, 800, 1_600];

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
