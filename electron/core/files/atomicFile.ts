/**
 * Whole-file writes that survive a crash, for every small file the core keeps in the user-data
 * folder (settings, the orders cache, bulk batches, the relay cursor, notifications, the desktop
 * id). The journal is the exception: it is appended to, line by line (journal/appendFile.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The file operations a write uses. Node's own by default; tests hand in the same operations with
 * one of them failing, the way a full disk or an antivirus lock would.
 */
export type FileOps = Pick<
  typeof fs,
  'open' | 'readFile' | 'rename' | 'rm' | 'readdir' | 'copyFile' | 'mkdir'
>;

const TEMP_SUFFIX = '.tmp';

function tempPrefix(file: string): string {
  return `.${path.basename(file)}.`;
}

/**
 * Replaces `file` with `text` so that a crash at any moment leaves either the old file or the new
 * one, never a mix: a temporary file in the same folder (rename is atomic only within a file
 * system), flushed to disk, renamed over the old one, then the folder flushed so the rename
 * itself survives a power cut.
 */
export async function writeFileAtomic(file: string, text: string, ops: FileOps = fs): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(
    dir,
    `${tempPrefix(file)}${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    const handle = await ops.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(temp, file);
  } catch (error) {
    await ops.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir, ops);
}

/**
 * Flushes a folder's entries. Windows cannot open a folder for this (and NTFS journals the
 * rename itself); some file systems refuse it. Neither is a reason to fail a write that happened.
 */
async function syncDirectory(dir: string, ops: FileOps): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await ops.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (
      !['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')
    )
      throw error;
  } finally {
    await handle?.close();
  }
}

/** Temporary files a crash left between writing and renaming: never read, only removed. */
export async function removeLeftoverTemps(file: string, ops: FileOps = fs): Promise<string[]> {
  const prefix = tempPrefix(file);
  const dir = path.dirname(file);
  const names = (await ops.readdir(dir)).filter(
    (name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX),
  );
  await Promise.all(names.map((name) => ops.rm(path.join(dir, name), { force: true })));
  return names;
}
