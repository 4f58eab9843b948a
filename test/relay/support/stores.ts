import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readConfig, type RelayConfig } from '../../../electron/relay/config';
import { openStore } from '../../../electron/relay/store/open';
import { SQLITE_FILE_NAME } from '../../../electron/relay/store/open';
import type { RelayStore } from '../../../electron/relay/store/types';

/**
 * Fresh stores for the relay suite and the benchmark, both kinds. PostgreSQL needs
 * DESK_TEST_DATABASE_URL (a role that may CREATE DATABASE: each fresh store is its own database,
 * dropped afterwards); postgresGate.ts decides what happens without it.
 */
export type StoreKind = 'sqlite' | 'postgres';

export interface FreshStore {
  kind: StoreKind;
  /** The environment a relay process needs for this store (RELAY_DATA_DIR or DATABASE_URL). */
  env: Record<string, string>;
  config(extra?: Record<string, string>): RelayConfig;
  open(options?: { watch?: boolean }): Promise<RelayStore>;
  /** Reads the database directly, bypassing the relay: how many callbacks are on disk, and their bodies. */
  storedBodies(): Promise<string[]>;
  dispose(): Promise<void>;
}

export const PG_URL = process.env.DESK_TEST_DATABASE_URL;
export const PG_MISSING = 'DESK_TEST_DATABASE_URL is not set (a postgres:// URL of a role with CREATEDB)';

/** The store kinds this run can test. */
export function storeKinds(): StoreKind[] {
  return PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function freshStore(kind: StoreKind): Promise<FreshStore> {
  return kind === 'sqlite' ? freshSqlite() : freshPostgres();
}

function freshSqlite(): FreshStore {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-test-'));
  return fresh(
    'sqlite',
    { RELAY_DATA_DIR: dir },
    async () => {
      const db = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare<[], { body: string }>('SELECT body FROM events ORDER BY id')
          .all()
          .map((row) => row.body);
      } finally {
        db.close();
      }
    },
    async () => rmSync(dir, { recursive: true, force: true }),
  );
}

async function freshPostgres(): Promise<FreshStore> {
  if (!PG_URL) throw new Error(PG_MISSING);
  const name = `relay_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  return fresh(
    'postgres',
    { DATABASE_URL: connectionString },
    async () => {
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        const result = await client.query<{ body: string }>('SELECT body FROM relay_events ORDER BY id');
        return result.rows.map((row) => row.body);
      } finally {
        await client.end();
      }
    },
    () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

/** What both kinds share: the stores opened on `env` are closed before `drop` removes the data. */
function fresh(
  kind: StoreKind,
  env: Record<string, string>,
  storedBodies: () => Promise<string[]>,
  drop: () => Promise<void>,
): FreshStore {
  const opened: RelayStore[] = [];
  return {
    kind,
    env,
    config: (extra = {}) => readConfig({ ...env, ...extra }),
    async open(options = {}) {
      const store = await openStore(readConfig(env), { watch: options.watch ?? true });
      opened.push(store);
      return store;
    },
    storedBodies,
    async dispose() {
      await Promise.all(opened.map((store) => store.close()));
      await drop();
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
