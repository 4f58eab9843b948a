import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * An append-only file of JSON lines where `append` resolves only once the line is on disk
 * (fdatasync). Appends are serialized, so lines never interleave and their order on disk is the
 * order of the calls.
 */
export class AppendFile {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly handle: FileHandle) {}

  /** Opens `file`, returning what it holds. A torn last line (a crash mid-write) is cut off. */
  static async open(file: string): Promise<{ file: AppendFile; lines: string[]; tornBytes: number }> {
    await mkdir(path.dirname(file), { recursive: true });
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const end = text.lastIndexOf('\n') + 1;
    const tornBytes = Buffer.byteLength(text.slice(end));
    if (tornBytes > 0) await truncate(file, Buffer.byteLength(text.slice(0, end)));
    const lines = text.slice(0, end).split('\n').filter(Boolean);
    return { file: new AppendFile(await open(file, 'a')), lines, tornBytes };
  }

  append(line: string): Promise<void> {
    if (line.includes('\n')) throw new Error('A journal line cannot contain a newline.');
    const write = this.queue.then(async () => {
      await this.handle.write(`${line}\n`);
      await this.handle.datasync();
    });
    // A failed write must not wedge every later one; the caller of this append still sees it.
    this.queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}
