import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { JournalStep } from '../../shared/journalSteps';
import { DeskFailure } from '../errors';
import { log } from '../log';
import { AppendFile } from './appendFile';
import {
  journalRecord,
  type Actor,
  type IntentRecord,
  type JournalRecord,
  type Operation,
  type ResultRecord,
  type StepRecord,
} from './records';

export const JOURNAL_FILE = 'journal.jsonl';

/** A second operation on a payment whose previous one has not finished. */
export class OperationInProgressError extends DeskFailure<'busy'> {
  constructor(running: IntentRecord) {
    super({
      kind: 'busy',
      message: `Another operation (${running.kind}) on this payment is still in progress.`,
      opId: running.opId,
      operation: running.kind,
    });
  }
}

export type NewIntent = Omit<IntentRecord, 't' | 'opId' | 'at' | 'actor'> & { actor?: Actor };

/**
 * The operation journal: the audit log and what makes money operations crash-safe. It is also
 * the lock: a payment with an open intent (written, no result yet) accepts no other operation,
 * including across a restart, until the operation is finished or reconciled.
 */
export class Journal {
  private readonly operations = new Map<string, Operation>();
  /** crmPaymentId → the open operation on it. */
  private readonly locks = new Map<number, Operation>();
  /** Operations this process began (the others were found open in the file at start). */
  private readonly own = new Set<string>();
  /** crmPaymentId → its operations, oldest first. */
  private readonly byPayment = new Map<number, Operation[]>();

  private constructor(
    private readonly file: AppendFile,
    private readonly now: () => Date,
    /** Read at each intent: the manager may change their name in Settings while the app runs. */
    private readonly managerName: () => string | undefined,
  ) {}

  static async open(
    userDataDir: string,
    options: { managerName?: () => string | undefined; now?: () => Date } = {},
  ): Promise<Journal> {
    const { file, lines, tornBytes } = await AppendFile.open(path.join(userDataDir, JOURNAL_FILE));
    if (tornBytes > 0) log.warn('journal: cut off a torn last line', { tornBytes });
    const journal = new Journal(
      file,
      options.now ?? (() => new Date()),
      options.managerName ?? (() => undefined),
    );
    for (const [index, line] of lines.entries()) {
      const parsed = journalRecord.safeParse(safeJson(line));
      try {
        if (!parsed.success) throw new Error('not a journal record');
        journal.apply(parsed.data);
      } catch (error) {
        // Kept in the file for a person to look at; never guessed at.
        log.error('journal: unreadable line skipped', { line: index + 1, error });
      }
    }
    return journal;
  }

  /** Locks the payment and writes the intent to disk. Resolves once it is durable. */
  async begin(intent: NewIntent): Promise<IntentRecord> {
    const running = this.locks.get(intent.crmPaymentId);
    if (running) throw new OperationInProgressError(running.intent);
    const record: IntentRecord = {
      t: 'intent',
      opId: randomUUID(),
      at: this.now().toISOString(),
      ...intent,
      actor: intent.actor ?? this.actor(),
    };
    const operation = this.apply(record);
    this.own.add(record.opId);
    try {
      await this.file.append(JSON.stringify(record));
    } catch (error) {
      // Not on disk means not begun: nothing may be sent to UAPAY for it.
      this.operations.delete(record.opId);
      this.locks.delete(record.crmPaymentId);
      this.own.delete(record.opId);
      this.byPayment.get(record.crmPaymentId)?.pop();
      throw error;
    }
    return operation.intent;
  }

  /** Who acts now: the OS user and the manager's name from Settings. */
  actor(): Actor {
    const managerName = this.managerName();
    return { osUser: OS_USER, ...(managerName && { managerName }) };
  }

  async step(opId: string, step: JournalStep, detail?: StepRecord['detail']): Promise<void> {
    this.open(opId);
    await this.write({ t: 'step', opId, at: this.now().toISOString(), step, ...(detail && { detail }) });
  }

  /** Closes the operation and releases its payment. */
  async finish(opId: string, result: Omit<ResultRecord, 't' | 'opId' | 'at'>): Promise<ResultRecord> {
    this.open(opId);
    const record: ResultRecord = { t: 'result', opId, at: this.now().toISOString(), ...result };
    await this.write(record);
    return record;
  }

  get(opId: string): Operation | undefined {
    return this.operations.get(opId);
  }

  /** Operations begun but not finished: after a crash, these need reconciling with UAPAY. */
  unfinished(): Operation[] {
    return [...this.locks.values()];
  }

  /** Whether this process began the operation, rather than finding it open in the file at start. */
  begunHere(opId: string): boolean {
    return this.own.has(opId);
  }

  /** The open operation on a payment, if any. */
  inFlight(crmPaymentId: number): Operation | undefined {
    return this.locks.get(crmPaymentId);
  }

  /** Every operation, oldest first, optionally only those matching `filter`. */
  list(filter: (operation: Operation) => boolean = () => true): Operation[] {
    return [...this.operations.values()].filter(filter);
  }

  /** Every operation on one RetailCRM payment, oldest first. */
  forPayment(crmPaymentId: number): readonly Operation[] {
    return this.byPayment.get(crmPaymentId) ?? [];
  }

  forOrder(orderId: number): Operation[] {
    return this.list((operation) => operation.intent.orderId === orderId);
  }

  close(): Promise<void> {
    return this.file.close();
  }

  private open(opId: string): Operation {
    const operation = this.operations.get(opId);
    if (!operation) throw new Error(`Unknown journal operation ${opId}`);
    if (operation.result) throw new Error(`Journal operation ${opId} is already finished`);
    return operation;
  }

  private async write(record: StepRecord | ResultRecord): Promise<void> {
    await this.file.append(JSON.stringify(record));
    this.apply(record);
  }

  private apply(record: JournalRecord): Operation {
    switch (record.t) {
      case 'intent': {
        const operation: Operation = { intent: record, steps: [] };
        this.operations.set(record.opId, operation);
        this.locks.set(record.crmPaymentId, operation);
        const same = this.byPayment.get(record.crmPaymentId);
        if (same) same.push(operation);
        else this.byPayment.set(record.crmPaymentId, [operation]);
        return operation;
      }
      case 'step': {
        const operation = this.mustGet(record.opId);
        operation.steps.push(record);
        return operation;
      }
      case 'result': {
        const operation = this.mustGet(record.opId);
        operation.result = record;
        if (this.locks.get(operation.intent.crmPaymentId) === operation) {
          this.locks.delete(operation.intent.crmPaymentId);
        }
        return operation;
      }
    }
  }

  private mustGet(opId: string): Operation {
    const operation = this.operations.get(opId);
    if (!operation) throw new Error(`Journal line for unknown operation ${opId}`);
    return operation;
  }
}

const OS_USER = (() => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
})();

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
