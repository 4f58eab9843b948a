/**
 * The log people can send: every line of the core's log (log.ts, secrets already masked) also goes
 * to `logs/uapay-desk.log` in the user-data folder, rotated by size with rotating-file-stream (the
 * classic logrotate scheme: `uapay-desk.log.1` is the newest old file). Settings → About opens the
 * folder; error messages that say "the details are in the log" point there.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createStream } from 'rotating-file-stream';
import { addLogSink } from './log';

const LOG_FOLDER = 'logs';
export const LOG_FILE = 'uapay-desk.log';
/**
 * 2 MB a file, the current one and 4 older: at most 10 MB on disk, and each file small enough to
 * attach to an e-mail. At the app's usual few lines a minute that is weeks of history.
 */
export const LOG_FILE_SIZE = '2M';
export const LOG_FILES_KEPT = 4;

export function logFolder(userDataDir: string): string {
  return path.join(userDataDir, LOG_FOLDER);
}

export interface LogFile {
  folder: string;
  /** Resolves when every line written so far is in the file. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Starts copying the log to the user-data folder's log file. It never throws: a failure is told on stderr. */
export function openLogFile(userDataDir: string): LogFile {
  const folder = logFolder(userDataDir);
  const stream = createStream(LOG_FILE, {
    path: folder,
    size: LOG_FILE_SIZE,
    rotate: LOG_FILES_KEPT,
    // Lines name customers and orders: only the person's own account may read them.
    mode: 0o600,
  });
  let last: Promise<void> = Promise.resolve();
  let failed = false;
  const stop = addLogSink((line) => {
    if (failed) return;
    last = new Promise((resolve) => stream.write(line, () => resolve()));
  });
  // Not through log.ts: a line about the file failing would be written to the file again.
  stream.on('error', (error) => {
    if (failed) return;
    failed = true;
    stop();
    process.stderr.write(
      `${JSON.stringify({ level: 'error', message: 'the log file cannot be written', folder, error: error.message })}\n`,
    );
  });
  stream.on('warning', (error) => process.stderr.write(`log file: ${error.message}\n`));
  let closed: Promise<void> | undefined;
  return {
    folder,
    flush: () => last,
    close: () => {
      closed ??= (async () => {
        stop();
        await last;
        if (failed) return;
        await new Promise<void>((resolve) => stream.end(() => resolve()));
      })();
      return closed;
    },
  };
}

/** The folder, created if need be (before the first line, a file manager would have nothing to open). */
export async function ensureLogFolder(userDataDir: string): Promise<string> {
  const folder = logFolder(userDataDir);
  await mkdir(folder, { recursive: true });
  return folder;
}
