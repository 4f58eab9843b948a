/**
 * The batch journal: one file per batch in `<user data>/bulk/`, written atomically when the batch
 * starts (before any payment is touched: the eligible list and the batch id) and when it ends or
 * is resumed. Each payment's own operation is in the operation journal with the batch id, so a
 * file still saying `running` at the next start is a batch the app was running when it died.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BULK_ACTIONS, SKIP_REASONS, type BulkAction, type BulkRowResult } from '../../shared/channels/bulk';
import { LIFECYCLE_STATES } from '../../shared/lifecycle';
import { kopiykySchema, type Kopiyky } from '../../shared/money';
import { log } from '../log';
import { writeFileAtomic } from '../files/atomicFile';

const BULK_DIR = 'bulk';

/** What a file may say; `interrupted` is never written: it is how a `running` file reads later. */
const FILE_STATES = ['running', 'stopped', 'finished', 'resumed', 'dismissed'] as const;
export type FileState = (typeof FILE_STATES)[number];

const rowSchema = z.object({
  paymentId: z.number().int(),
  orderId: z.number().int(),
  orderNumber: z.string(),
  amount: kopiykySchema,
  outcome: z.enum(['pending', 'in_flight', 'done', 'crm_pending', 'failed', 'skipped', 'untouched']),
  state: z.enum(LIFECYCLE_STATES).optional(),
  reason: z.enum(SKIP_REASONS).optional(),
  detail: z
    .object({
      state: z.enum(LIFECYCLE_STATES).optional(),
      held: kopiykySchema.optional(),
      orderTotal: kopiykySchema.optional(),
      holdExpiresAt: z.string().optional(),
      operation: z.string().optional(),
      message: z.string().optional(),
    })
    .optional(),
  error: z.object({ kind: z.string(), code: z.string().optional(), message: z.string() }).optional(),
  opId: z.string().optional(),
  finishedAt: z.string().optional(),
});

/** A file of a later format is left alone rather than misread. */
const FILE_VERSION = 1;
const versionSchema = z.object({ version: z.literal(FILE_VERSION) });

/** Unknown members (the version among them) are dropped when read. */
const recordSchema = z.object({
  batchId: z.string().regex(/^[0-9a-f-]{36}$/),
  action: z.enum(BULK_ACTIONS),
  state: z.enum(FILE_STATES),
  parentBatchId: z.string().optional(),
  resumedBy: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  /** Kopiyky of the rows that were eligible when the batch started. */
  eligibleTotal: kopiykySchema,
  /** Every row in the list's order: eligible ones `pending` at the start, preflight skips `skipped`. */
  rows: z.array(rowSchema),
});

export interface BatchRecord {
  batchId: string;
  action: BulkAction;
  state: FileState;
  parentBatchId?: string;
  resumedBy?: string;
  startedAt: string;
  endedAt?: string;
  eligibleTotal: Kopiyky;
  rows: BulkRowResult[];
}

export class BatchFiles {
  private readonly dir: string;

  constructor(userDataDir: string) {
    this.dir = path.join(userDataDir, BULK_DIR);
  }

  /** Every readable batch file; an unreadable one is logged and left where it is for a person. */
  async readAll(): Promise<BatchRecord[]> {
    const names = await fs.readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const records: BatchRecord[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      const file = path.join(this.dir, name);
      try {
        const json: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
        versionSchema.parse(json);
        records.push(recordSchema.parse(json) as BatchRecord);
      } catch (error) {
        log.error('bulk: unreadable batch file left aside', { file: name, error });
      }
    }
    // Temporary files of a write a crash cut short: the batch's previous file (if any) stands.
    for (const name of names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')))
      await fs.rm(path.join(this.dir, name), { force: true });
    return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  /** Resolves once the file (and its name in the folder) is on disk. */
  async write(record: BatchRecord): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(record.batchId), JSON.stringify({ version: FILE_VERSION, ...record }));
  }

  private fileOf(batchId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(batchId)) throw new Error(`Not a batch id: ${batchId}`);
    return path.join(this.dir, `${batchId}.json`);
  }
}
