/**
 * A SecretStore in one JSON file outside the user-data folder: the core runs in a child process
 * that the chaos run kills with SIGKILL, so its keys (and the relay token it saves when pairing)
 * must outlive the process, and the run must not need a keychain session. The file is replaced
 * with a rename, so a kill never leaves it half written.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../../electron/core/secrets/keychain';

export function fileSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(values));
    renameSync(`${file}.tmp`, file);
  };
  return {
    status: async () => ({ available: true, backend: 'chaos-file' }),
    get: async (account) => read()[account] ?? null,
    set: async (account, secret) => write({ ...read(), [account]: secret }),
    delete: async (account) => {
      const values = read();
      const had = account in values;
      delete values[account];
      write(values);
      return had;
    },
  };
}
