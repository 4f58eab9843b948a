import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { settingsSchema, type Settings, type SettingsFileProblem } from '../../shared/settings';
import { ValidationError } from '../errors';
import { log } from '../log';
import type { SecretAccount } from '../secrets/accounts';
import { redactions, type RedactionRegistry } from '../secrets/redaction';
import { removeLeftoverTemps, writeFileAtomic, type FileOps } from '../files/atomicFile';
import { describeIssues, validationIssues } from '../validation';
import {
  defaultSettings,
  migrate,
  MIGRATIONS,
  serializeSettings,
  SETTINGS_FILE,
  SETTINGS_VERSION,
  type Migration,
  type VersionedData,
  withoutInsecureRelay,
} from './schema';

export interface SettingsStoreOptions {
  /** The user-data folder; the file is `settings.json` in it. */
  dir: string;
  now?: () => Date;
  fs?: FileOps;
  migrations?: Readonly<Record<number, Migration>>;
  /** Told once when the file found at start had to be moved aside. */
  onProblem?: (problem: SettingsFileProblem) => void;
  /** The secrets the app knows: none of them may be written into the file. */
  redactions?: RedactionRegistry;
}

/** What an update may say about the secrets that go with it. */
export interface UpdateOptions {
  /** Secrets entered (and saved) for the settings this update writes: they go where it says. */
  enteredFor?: readonly SecretAccount[];
}

/**
 * Runs inside an update, after the new settings are validated and before they are written; it may
 * refuse by throwing (nothing is then written). The settings service uses it to delete a secret
 * whose destination the update changes, whatever called the update.
 */
export type BeforeWrite = (before: Settings, after: Settings, options: UpdateOptions) => Promise<void>;

/**
 * The one settings file: read once (lazily, on first use), then kept in memory; every change goes
 * through one queue, so two changes in flight never lose each other, and is written atomically.
 * A file this version cannot use is moved aside and reported, never overwritten.
 */
export class SettingsStore {
  readonly file: string;
  private readonly ops: FileOps;
  private readonly now: () => Date;
  private current: Settings | undefined;
  private problem: SettingsFileProblem | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly guards: BeforeWrite[] = [];

  constructor(private readonly options: SettingsStoreOptions) {
    this.file = path.join(options.dir, SETTINGS_FILE);
    this.ops = options.fs ?? fs;
    this.now = options.now ?? (() => new Date());
  }

  /** A copy of the current settings (after every change queued before this call). */
  get(): Promise<Settings> {
    return this.serialized(async () => structuredClone(await this.loaded()));
  }

  /** The settings as last read or written, without waiting (undefined before the first read). */
  peek(): Readonly<Settings> | undefined {
    return this.current;
  }

  /** Why the file found at start was moved aside, if it was. */
  fileProblem(): SettingsFileProblem | undefined {
    return this.problem;
  }

  /** Adds a check every later update runs before it writes (see `BeforeWrite`). */
  beforeWrite(guard: BeforeWrite): void {
    this.guards.push(guard);
  }

  /**
   * Applies `change` to a copy of the current settings, validates the result and writes it. Runs
   * after every change queued before it; `change` may be async (e.g. touch the keychain) and may
   * throw to refuse. When the write fails, nothing changes, on disk or in memory.
   */
  update(
    change: (current: Settings) => Settings | Promise<Settings>,
    options: UpdateOptions = {},
  ): Promise<Settings> {
    return this.serialized(async () => {
      const before = await this.loaded();
      const parsed = settingsSchema.safeParse(await change(structuredClone(before)));
      if (!parsed.success) {
        const issues = validationIssues(parsed.error);
        throw new ValidationError(`These settings cannot be saved: ${describeIssues(issues, 3)}.`, issues);
      }
      this.refuseSecrets(parsed.data);
      if (JSON.stringify(parsed.data) !== JSON.stringify(before)) {
        for (const guard of this.guards) await guard(before, parsed.data, options);
        await this.ops.mkdir(this.options.dir, { recursive: true });
        await writeFileAtomic(this.file, serializeSettings(parsed.data), this.ops);
        this.current = parsed.data;
      }
      return structuredClone(this.current ?? parsed.data);
    });
  }

  /** Resolves when every queued change has been written (or has failed). */
  async idle(): Promise<void> {
    await this.tail;
  }

  /** A key or password pasted into an ordinary field would end up in a plain file: refused. */
  private refuseSecrets(settings: Settings): void {
    const registry = this.options.redactions ?? redactions;
    const fields = Object.entries(settings).filter(([, value]) => registry.find(value).length > 0);
    if (fields.length === 0) return;
    const message = 'A saved key or password was entered in a setting; secrets belong only in the keychain.';
    throw new ValidationError(
      message,
      fields.map(([path]) => ({ path, code: 'secret_in_settings', message })),
    );
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async loaded(): Promise<Settings> {
    this.current ??= await this.load();
    return this.current;
  }

  private async load(): Promise<Settings> {
    const left = await removeLeftoverTemps(this.file, this.ops).catch(() => []);
    if (left.length) log.info('removed settings files an interrupted write left behind', { files: left });
    let text: string;
    try {
      text = await this.ops.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings();
      throw error;
    }

    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return this.setAside('corrupt', `It is not valid JSON (${(error as Error).message}).`);
    }
    if (!isVersioned(data)) return this.setAside('corrupt', 'It has no settings version number.');
    const found = data.version;
    if (found > SETTINGS_VERSION) {
      return this.setAside(
        'newer',
        `A newer UAPAY Desk wrote it (settings version ${found}; this version reads up to ${SETTINGS_VERSION}).`,
        found,
      );
    }

    let migrated: VersionedData;
    try {
      migrated = migrate(data, this.options.migrations ?? MIGRATIONS);
    } catch (error) {
      return this.setAside('corrupt', (error as Error).message);
    }
    const relay = withoutInsecureRelay(migrated);
    if (relay.dropped) log.warn('dropped a relay pairing over plain http; pair again with an https relay');
    const parsed = settingsSchema.safeParse(withoutVersion(relay.data));
    if (!parsed.success) {
      return this.setAside(
        'corrupt',
        `Some settings are not valid: ${describeIssues(validationIssues(parsed.error))}.`,
      );
    }
    const settings = parsed.data;
    if (found < SETTINGS_VERSION) {
      // The old file stays next to the new one, so a downgrade or a bad step loses nothing.
      const copy = await this.freeName(`v${found}`);
      await this.ops.copyFile(this.file, path.join(this.options.dir, copy), constants.COPYFILE_EXCL);
      await writeFileAtomic(this.file, serializeSettings(settings), this.ops);
      log.info('settings migrated', { from: found, to: SETTINGS_VERSION, copy });
    }
    return settings;
  }

  /** Moves the unusable file aside (never deletes or overwrites it) and starts from defaults. */
  private async setAside(
    reason: SettingsFileProblem['reason'],
    detail: string,
    version?: number,
  ): Promise<Settings> {
    const movedTo = await this.freeName(reason === 'newer' ? `newer-v${version}` : 'corrupt');
    await this.ops.rename(this.file, path.join(this.options.dir, movedTo));
    this.problem = { reason, movedTo, detail, ...(version !== undefined && { version }) };
    log.warn('settings file moved aside; starting from defaults', { ...this.problem });
    try {
      this.options.onProblem?.(this.problem);
    } catch (error) {
      log.error('reporting the settings problem failed', { error });
    }
    return defaultSettings();
  }

  /** `settings.<tag>-<time>.json`, with a counter if that name is taken. */
  private async freeName(tag: string): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const taken = new Set(await this.ops.readdir(this.options.dir));
    const base = `${path.parse(SETTINGS_FILE).name}.${tag}-${stamp}`;
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${base}.json` : `${base}-${n}.json`;
      if (!taken.has(name)) return name;
    }
  }
}

function withoutVersion({ version: _version, ...settings }: VersionedData): Record<string, unknown> {
  return settings;
}

function isVersioned(data: unknown): data is VersionedData {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    Number.isSafeInteger((data as { version?: unknown }).version) &&
    (data as { version: number }).version >= 0
  );
}
