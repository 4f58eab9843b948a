import { afterEach, describe, expect, it } from 'vitest';
import { osKeychain } from '../../../electron/core/secrets/keychain';
import { testKeychain } from '../../support/keychain';

// Against the real OS keychain: on Linux CI, gnome-keyring under dbus-run-session (test/run.ts).
describe('OS keychain', () => {
  const keychain = testKeychain();
  afterEach(async () => {
    await keychain.delete('retailcrm:api-key');
  });

  it('is available, and the probe leaves nothing behind', async () => {
    const status = await keychain.status();
    expect(status, status.problem).toMatchObject({ available: true });
    expect(await keychain.get(`probe:${process.pid}`)).toBeNull();
  });

  it('saves, reads back, replaces and deletes a secret', async () => {
    expect(await keychain.get('retailcrm:api-key')).toBeNull();
    await keychain.set('retailcrm:api-key', 'first-key');
    expect(await keychain.get('retailcrm:api-key')).toBe('first-key');
    await keychain.set('retailcrm:api-key', 'second-key');
    expect(await keychain.get('retailcrm:api-key')).toBe('second-key');
    expect(await keychain.delete('retailcrm:api-key')).toBe(true);
    expect(await keychain.get('retailcrm:api-key')).toBeNull();
    expect(await keychain.delete('retailcrm:api-key')).toBe(false);
  });

  it('keeps services apart', async () => {
    await keychain.set('retailcrm:api-key', 'mine');
    expect(await osKeychain(`${keychain.service} other`).get('retailcrm:api-key')).toBeNull();
  });
});
