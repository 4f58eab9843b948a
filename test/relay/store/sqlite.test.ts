import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../../electron/relay/store/open';
import { openSqliteStore } from '../../../electron/relay/store/sqlite';
import { freshStore, type FreshStore } from '../support/stores';

describe('SQLite store', () => {
  let fresh: FreshStore;
  beforeEach(async () => {
    fresh = await freshStore('sqlite');
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it('keeps its file in WAL mode, in RELAY_DATA_DIR', async () => {
    const store = await fresh.open();
    await store.createChannel('AAAAAAAAAAAAAAAAAAAAAA', 1);
    await store.close();
    const db = new Database(path.join(fresh.env.RELAY_DATA_DIR!, SQLITE_FILE_NAME), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database made by a newer relay', async () => {
    const file = path.join(fresh.env.RELAY_DATA_DIR!, SQLITE_FILE_NAME);
    await (await fresh.open()).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore({ file, synchronous: 'FULL' })).toThrow(/newer relay/);
  });
});
