import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../../electron/core/journal/journal';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import { JOURNAL_STEPS } from '../../../electron/shared/journalSteps';
import { expectedPair } from '../../support/readings';
import { createWorld, MAPPING, type World } from '../../support/world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

async function waitForStep(file: string, step: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.includes(`"step":"${step}"`)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the child never wrote ${step}`);
}

describe('a crash between the UAPAY call and the RetailCRM write', () => {
  it('is finished after a restart from what UAPAY says: captured once, RetailCRM paid, the journal closed', async () => {
    const target = await world.heldPayment(64_000);
    const journalDir = path.join(world.userDataDir, 'child');
    // RetailCRM does not answer the edit: the child has captured and waits on the write when killed.
    // (The first edit is the child's lock on the payment, and goes in.)
    world.crm.control.injectFault({ route: 'orders/payments/{id}/edit', kind: 'hang', times: 10, skip: 1 });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/confirmInChild.ts')],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          DESK_KEYCHAIN_SERVICE: world.keychainService,
          DESK_SETTINGS_DIR: world.userDataDir,
          DESK_JOURNAL_DIR: journalDir,
          DESK_UAPAY_URL: world.uapayUrl,
          DESK_TARGET: JSON.stringify(target),
          DESK_DESKTOP_ID: world.ctx.desktopId,
        },
      },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    await waitForStep(path.join(journalDir, JOURNAL_FILE), JOURNAL_STEPS.uapayConfirmed);
    child.kill('SIGKILL');
    await exited;
    world.crm.control.clearFaults();

    expect(world.uapay.state.invoice(target.invoiceId ?? '')?.payments[0]).toMatchObject(
      expectedPair('captured'),
    );
    expect(world.crmPayment(target.paymentId).status).toBe(MAPPING.held);

    const journal = await Journal.open(journalDir);
    const runner = new MoneyRunner({ ...world.ctx, journal });
    const [open] = journal.unfinished();
    expect(open?.intent).toMatchObject({ kind: 'payment.confirm', crmPaymentId: target.paymentId });
    await expect(runner.run('payment.confirm', target)).rejects.toMatchObject({ info: { kind: 'busy' } });

    expect(await runner.reconcile(open!)).toBe(true);
    expect(world.crmPayment(target.paymentId)).toMatchObject({ status: MAPPING.paid, amount: 64_000 });
    expect(journal.unfinished()).toEqual([]);
    expect(journal.get(open!.intent.opId)?.result).toMatchObject({ outcome: 'reconciled', after: 'paid' });
    expect(world.uapay.control.calls({ method: 'invoicer/payments/complete' })).toBe(1);
    await journal.close();
  });
});
