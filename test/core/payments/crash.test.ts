import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../../electron/core/journal/journal';
import { MoneyRunner } from '../../../electron/core/payments/moneyRunner';
import { JOURNAL_STEPS } from '../../../electron/shared/journalSteps';
import { crashAtStep } from '../../support/crashChild';
import { expectedPair } from '../../support/readings';
import { createWorld, MAPPING, type World } from '../../support/world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

describe('a crash between the UAPAY call and the RetailCRM write', () => {
  it('is finished after a restart from what UAPAY says: captured once, RetailCRM paid, the journal closed', async () => {
    const target = await world.heldPayment(64_000);
    const journalDir = path.join(world.userDataDir, 'child');
    // RetailCRM does not answer the edit: the child has captured and waits on the write when killed.
    // (The first edit is the child's lock on the payment, and goes in.)
    world.crm.control.injectFault({ route: 'orders/payments/{id}/edit', kind: 'hang', times: 10, skip: 1 });
    await crashAtStep({
      fixture: path.join(import.meta.dirname, 'fixtures/confirmInChild.ts'),
      env: {
        DESK_KEYCHAIN_SERVICE: world.keychainService,
        DESK_SETTINGS_DIR: world.userDataDir,
        DESK_JOURNAL_DIR: journalDir,
        DESK_UAPAY_URL: world.uapayUrl,
        DESK_TARGET: JSON.stringify(target),
        DESK_DESKTOP_ID: world.ctx.desktopId,
      },
      journalFile: path.join(journalDir, JOURNAL_FILE),
      step: JOURNAL_STEPS.uapayConfirmed,
    });
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
