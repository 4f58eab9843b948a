import type { KeychainStatus } from '../../shared/app';
import type { SecretStore } from '../secrets/keychain';

/**
 * The Demo workspace's keychain: the sandbox's made-up keys, kept in memory for the session.
 * They open nothing real, so they have no business in the person's OS keychain.
 */
export function memoryKeychain(): SecretStore {
  const values = new Map<string, string>();
  const status: KeychainStatus = { available: true, backend: 'demo-memory' };
  return {
    status: () => Promise.resolve(status),
    get: (account) => Promise.resolve(values.get(account) ?? null),
    set: (account, secret) => {
      values.set(account, secret);
      return Promise.resolve();
    },
    delete: (account) => Promise.resolve(values.delete(account)),
  };
}
