import { readdirSync, readFileSync } from 'node:fs';
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

  // Only inside the private session test/keyringSession.ts starts: it never kills a person's keyring.
  it.runIf(process.platform === 'linux' && process.env.DESK_KEYRING_SESSION)(
    'keeps working when gnome-keyring dies and D-Bus starts it again',
    async () => {
      await keychain.set('retailcrm:api-key', 'before');
      const killed = keyringDaemonsOfThisSession();
      expect(killed.length).toBeGreaterThan(0);
      for (const pid of killed) process.kill(pid, 'SIGKILL');
      expect(await keychain.get('retailcrm:api-key')).toBe('before');
      await keychain.set('retailcrm:api-key', 'after');
      expect(await keychain.get('retailcrm:api-key')).toBe('after');
    },
  );
});

function keyringDaemonsOfThisSession(): number[] {
  const bus = process.env.DBUS_SESSION_BUS_ADDRESS ?? '';
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const program = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
        const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        return program.endsWith('gnome-keyring-daemon') && env.includes(`DBUS_SESSION_BUS_ADDRESS=${bus}`);
      } catch {
        return false; // gone, or another user's
      }
    })
    .map(Number);
}
