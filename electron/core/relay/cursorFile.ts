import fs from 'node:fs/promises';
import path from 'node:path';
import { log } from '../log';
import { removeLeftoverTemps, writeFileAtomic } from '../files/atomicFile';

/** In the user-data folder: the last relay event whose callback this desktop has fully handled. */
const CURSOR_FILE = 'relay-cursor.json';
const CURSOR_VERSION = 1;

interface CursorContent {
  version: number;
  /** The pairing the cursor belongs to: another relay or channel starts from its beginning. */
  eventsUrl: string;
  lastEventId: number;
}

/**
 * The relay cursor on disk, so a restarted app resumes where it stopped instead of taking every
 * retained event again. Written atomically (a crash leaves the old cursor or the new one), and
 * coalesced: while a write runs, later values wait and only the newest is written next.
 */
export class CursorFile {
  readonly file: string;
  private wanted: CursorContent | undefined;
  private writing: Promise<void> | undefined;

  constructor(private readonly dir: string) {
    this.file = path.join(dir, CURSOR_FILE);
  }

  /** The saved cursor of this pairing; 0 (from the oldest retained event) when there is none. */
  async read(eventsUrl: string): Promise<number> {
    await removeLeftoverTemps(this.file).catch(() => undefined);
    let content: Partial<CursorContent>;
    try {
      content = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<CursorContent>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn('the relay cursor file is unreadable; starting from the oldest retained event', { error });
      return 0;
    }
    const id = content.lastEventId;
    if (content.eventsUrl !== eventsUrl || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0)
      return 0;
    return id;
  }

  save(eventsUrl: string, lastEventId: number): void {
    this.wanted = { version: CURSOR_VERSION, eventsUrl, lastEventId };
    this.writing ??= this.writeLoop();
  }

  /** Resolves once every saved value is on disk (or failed to be written, which is logged). */
  async flush(): Promise<void> {
    await this.writing;
  }

  /** Forgets the cursor (unpairing). */
  async remove(): Promise<void> {
    this.wanted = undefined;
    await this.flush();
    await fs.rm(this.file, { force: true });
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.wanted) {
        const content = this.wanted;
        this.wanted = undefined;
        try {
          await fs.mkdir(this.dir, { recursive: true });
          await writeFileAtomic(this.file, `${JSON.stringify(content)}\n`);
        } catch (error) {
          // Not fatal: the worst case is taking some events again after a restart (hints are idempotent).
          log.warn('could not save the relay cursor', { error });
        }
      }
    } finally {
      this.writing = undefined;
    }
  }
}
