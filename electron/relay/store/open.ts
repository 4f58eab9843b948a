import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { RelayConfig } from '../config';
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { RelayStore } from './types';

export const SQLITE_FILE_NAME = 'relay.sqlite';

export interface OpenStoreOptions {
  /** The server watches for changes made elsewhere (other instances, the CLI); the CLI does not. */
  watch: boolean;
  onError?: (error: Error) => void;
}

/** PostgreSQL when DATABASE_URL is set, else SQLite in RELAY_DATA_DIR. */
export async function openStore(
  config: Pick<RelayConfig, 'databaseUrl' | 'dataDir' | 'sqliteSynchronous' | 'pgPoolMax'>,
  options: OpenStoreOptions,
): Promise<RelayStore> {
  if (config.databaseUrl) {
    return openPostgresStore({
      url: config.databaseUrl,
      poolMax: config.pgPoolMax,
      listen: options.watch,
      onError: options.onError,
    });
  }
  // Owner-only: the folder holds callback bodies and token hashes.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  return openSqliteStore({
    file: path.join(config.dataDir, SQLITE_FILE_NAME),
    synchronous: config.sqliteSynchronous,
    watchExternalChanges: options.watch,
  });
}
