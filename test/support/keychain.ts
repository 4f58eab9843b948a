import { randomUUID } from 'node:crypto';
import { osKeychain, type SecretStore } from '../../electron/core/secrets/keychain';

/**
 * The real OS keychain under a service name of this test run's own, so a developer's real
 * entries are never touched. CI provides an unlocked gnome-keyring (see test/run.ts).
 */
export function testKeychain(): SecretStore & { service: string } {
  const service = `UAPAY Desk test ${randomUUID()}`;
  return { ...osKeychain(service), service };
}

/** The OS keychain when its service is missing or locked: it says why, and every call fails with that. */
export function unavailableKeychain(problem: string): SecretStore {
  const fail = () => Promise.reject(new Error(problem));
  return {
    status: () => Promise.resolve({ available: false, backend: 'secret-service', problem }),
    get: fail,
    set: fail,
    delete: fail,
  };
}
