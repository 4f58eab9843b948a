import { spawn } from 'node:child_process';
import { appendFile, copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, Journal, OperationInProgressError } from '../../../electron/core/journal/journal';
import { JOURNAL_STEPS } from '../../../electron/shared/journalSteps';
import { OPERATION_KINDS } from '../../../electron/shared/operationKinds';

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-journal-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const intent = (crmPaymentId: number, extra = {}) => ({
  kind: 'payment.confirm' as const,
  orderId: 10,
  orderNumber: '10A',
  crmPaymentId,
  invoiceId: 'inv-1',
  amount: 12345,
  before: 'held',
  ...extra,
});

async function lines(dir: string) {
  return (await readFile(path.join(dir, JOURNAL_FILE), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('operation journal', () => {
  it('has the intent on disk, with who and when, by the time begin resolves', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir, { managerName: () => 'Olena' });
    const begun = await journal.begin(intent(7));
    expect(await lines(dir)).toEqual([
      expect.objectContaining({
        t: 'intent',
        opId: begun.opId,
        kind: 'payment.confirm',
        crmPaymentId: 7,
        amount: 12345,
        actor: { osUser: os.userInfo().username, managerName: 'Olena' },
      }),
    ]);
    await journal.close();
  });

  it('refuses a second operation on the same payment until the first is finished', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.begin(intent(7));
    await expect(journal.begin(intent(7, { kind: 'payment.cancel' }))).rejects.toBeInstanceOf(
      OperationInProgressError,
    );
    await expect(journal.begin(intent(8))).resolves.toBeTruthy();
    await journal.finish(first.opId, { outcome: 'succeeded', after: 'paid' });
    await expect(journal.begin(intent(7, { kind: 'payment.refund' }))).resolves.toBeTruthy();
    await journal.close();
  });

  it('tells the busy caller which operation holds the payment', async () => {
    const journal = await Journal.open(await tempDir());
    const first = await journal.begin(intent(7));
    const error = await journal.begin(intent(7)).catch((e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'busy', opId: first.opId, operation: 'payment.confirm' } });
    await journal.close();
  });

  it('reads back steps and results, per order and in order', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    const a = await journal.begin(intent(7));
    await journal.step(a.opId, JOURNAL_STEPS.uapayConfirmed, { paymentStatus: 'FINISHED' });
    await journal.finish(a.opId, { outcome: 'succeeded', after: 'paid' });
    await journal.begin(intent(9, { orderId: 11 }));
    await journal.close();

    const reopened = await Journal.open(dir);
    const [op] = reopened.forOrder(10);
    expect(op?.steps.map((s) => s.step)).toEqual([JOURNAL_STEPS.uapayConfirmed]);
    expect(op?.result).toMatchObject({ outcome: 'succeeded', after: 'paid' });
    expect(reopened.unfinished().map((o) => o.intent.crmPaymentId)).toEqual([9]);
    await reopened.close();
  });

  it('keeps a payment locked across a crash: the intent survives SIGKILL and awaits reconciliation', async () => {
    const dir = await tempDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/beginThenHang.ts'), dir, '3'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));

    const journal = await Journal.open(dir);
    expect(journal.unfinished().map((o) => [o.intent.crmPaymentId, o.intent.amount])).toEqual([
      [5000, 0],
      [5001, 100],
      [5002, 200],
    ]);
    await expect(journal.begin(intent(5001))).rejects.toBeInstanceOf(OperationInProgressError);
    await journal.close();
  });

  it('cuts off a torn last line and keeps appending cleanly', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.begin(intent(7));
    await journal.close();
    await appendFile(path.join(dir, JOURNAL_FILE), '{"t":"intent","opId":"half');

    const reopened = await Journal.open(dir);
    expect(reopened.unfinished()).toHaveLength(1);
    await reopened.begin(intent(8));
    await reopened.close();
    expect((await lines(dir)).map((l) => l.crmPaymentId)).toEqual([7, 8]);
  });

  // Kinds and steps are persisted: a rename would make this version skip what an earlier one wrote
  // (and free a payment whose money operation is still open).
  it('reads every kind and step a journal written by an earlier version holds', async () => {
    const dir = await tempDir();
    await copyFile(
      path.join(import.meta.dirname, 'fixtures/earlierVersion.jsonl'),
      path.join(dir, JOURNAL_FILE),
    );
    const journal = await Journal.open(dir);
    const operations = journal.list();
    expect(operations.map((o) => o.intent.kind)).toEqual([...OPERATION_KINDS]);
    const refund = operations.find((o) => o.intent.kind === 'payment.refund');
    expect(refund?.steps.map((s) => s.step)).toEqual(Object.values(JOURNAL_STEPS));
    expect(journal.unfinished().map((o) => o.intent.opId)).toEqual([refund?.intent.opId]);
    await expect(journal.begin(intent(refund?.intent.crmPaymentId ?? 0))).rejects.toBeInstanceOf(
      OperationInProgressError,
    );
    await journal.close();
  });

  it('does not lock a payment whose intent could not be written', async () => {
    const journal = await Journal.open(await tempDir());
    await journal.close();
    await expect(journal.begin(intent(7))).rejects.toThrow();
    expect(journal.inFlight(7)).toBeUndefined();
  });
});
