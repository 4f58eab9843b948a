import { afterEach, describe, expect, it } from 'vitest';
import { merchantKeyAccount } from '../../../electron/core/secrets/accounts';
import type { BulkRowResult, BulkStatus } from '../../../electron/shared/channels/bulk';
import {
  MANUAL_MERCHANT,
  openCore,
  openShop,
  parseCsv,
  STATUS_MAPPING,
  type Core,
  type Held,
  type Shop,
} from './support';
import { expectedPair } from '../../support/readings';
import { DEFAULT_LEASE_TIMING } from '../../../electron/core/payments/lease';
import type { Fault } from '../../../electron/sandbox/uapay';

const DAY = 24 * 3_600_000;
/** The fake's paymentStatus after each outcome: a detail of the run's UAPAY readings. */
const CAPTURED = expectedPair('captured').paymentStatus;
const HELD = expectedPair('held').paymentStatus;
const CANCELED = expectedPair('canceled').paymentStatus;
const EXPIRED = expectedPair('hold-expired').paymentStatus;
let shop: Shop;
let core: Core;
afterEach(async () => {
  await core?.close();
  await shop?.close();
});

async function open(options: { holdLifetimeHours?: number; concurrency?: number } = {}) {
  shop = await openShop(options);
  core = openCore({
    dir: shop.dir,
    keychainService: shop.keychainService,
    uapayUrl: shop.sandbox.uapay.url,
    ...(options.concurrency && { concurrency: options.concurrency }),
  });
}

const rowOf = (status: BulkStatus, held: Held): BulkRowResult | undefined =>
  status.rows.find((row) => row.paymentId === held.paymentId);

describe('bulk confirmation', () => {
  it('confirms 205 held payments (split orders among them) once each, skips what cannot go, keeps UAPAY’s text for failures, and the CSV says the same', async () => {
    // The setting is shorter than the fake's 7 days: some holds UAPAY still keeps are past it.
    await open({ holdLifetimeHours: 72 });
    const { uapay, retailcrm } = shop.sandbox;
    const plain = Array.from({ length: 155 }, () => shop.held());
    const released = Array.from({ length: 5 }, () => shop.held({ heldAgoMs: 8 * DAY }));
    const pastSetting = Array.from({ length: 5 }, () => shop.held({ heldAgoMs: 4 * DAY }));
    const elsewhere = Array.from({ length: 10 }, () => shop.held());
    // A split order: the hold is its payment's own amount, part of the order's total — it goes.
    const split = Array.from({ length: 5 }, () => shop.held({ amount: 50_000, orderTotal: 52_000 }));
    // The hold is not what its payment asked for, or more than the order still owes: a person looks.
    const mismatch = Array.from({ length: 3 }, () => shop.held({ amount: 50_000, crmAmount: 48_000 }));
    const aboveOwed = Array.from({ length: 2 }, () =>
      shop.held({ amount: 50_000, orderTotal: 60_000, paidBefore: 20_000 }),
    );
    const refused = Array.from({ length: 5 }, () => shop.held());
    const lostReply = Array.from({ length: 5 }, () => shop.held());
    const gateway = Array.from({ length: 10 }, () => shop.held());
    for (const held of elsewhere)
      uapay.fake.state.actAsOtherParty({ action: 'complete', paymentId: held.uapayPaymentId, notify: false });
    const complete = 'invoicer/payments/complete' as const;
    const captureFaults: [Held[], Fault][] = [
      [refused, { kind: 'error', code: 'BANK_REFUSED', message: 'Картку заблоковано банком' }],
      [lostReply, { kind: 'lostReply', reply: 'drop' }],
      [gateway, { kind: 'http', status: 502 }],
    ];
    for (const [group, fault] of captureFaults)
      for (const held of group)
        uapay.fake.control.addFault({ method: complete, paymentId: held.uapayPaymentId, ...fault });
    const preflight = await core.bulk.preflight({ action: 'confirm', query: { chips: ['held'] } });
    expect(preflight.rows).toHaveLength(205);
    expect(preflight.skipped.byReason).toEqual({ hold_expired: 10, not_held: 10, amount_mismatch: 5 });
    const eligible = [...plain, ...split, ...refused, ...lostReply, ...gateway];
    expect(preflight.eligible).toEqual({
      count: 180,
      total: eligible.reduce((sum, held) => sum + held.amount, 0),
    });
    expect(preflight.rows.find((r) => r.paymentId === split[0]!.paymentId)).toMatchObject({
      eligible: true,
      amount: 50_000,
      part: { orderTotal: 52_000, owed: 52_000 },
    });
    expect(preflight.rows.find((r) => r.paymentId === mismatch[0]!.paymentId)).toMatchObject({
      eligible: false,
      reason: 'amount_mismatch',
      detail: { held: 50_000, amount: 48_000 },
    });
    expect(preflight.rows.find((r) => r.paymentId === aboveOwed[0]!.paymentId)).toMatchObject({
      eligible: false,
      reason: 'amount_mismatch',
      detail: { held: 50_000, amount: 50_000, orderTotal: 60_000, owed: 40_000 },
    });
    expect(preflight.rows.find((r) => r.paymentId === elsewhere[0]!.paymentId)).toMatchObject({
      reason: 'not_held',
      detail: { state: 'paid' },
    });
    expect(uapay.fake.control.calls({ method: complete })).toBe(0);

    // RetailCRM answers 503 now and then: retried inside the client, never a failure.
    retailcrm.fake.control.injectFault({
      route: 'orders/payments/{id}/edit',
      kind: 'status',
      status: 503,
      times: 12,
    });
    const started = await core.bulk.start(preflight.preflightId);
    expect(started).toMatchObject({ state: 'running', counts: { total: 205, skipped: 25 } });
    await core.bulk.idle();
    const status = (await core.bulk.status(started.batchId))!;
    expect(status).toMatchObject({
      state: 'finished',
      counts: { total: 205, done: 165, failed: 15, skipped: 25, inFlight: 0, remaining: 0, untouched: 0 },
    });

    for (const held of [...plain, ...split, ...lostReply]) {
      expect(rowOf(status, held)).toMatchObject({ outcome: 'done', state: 'paid' });
      expect(shop.uapayStatus(held)).toBe(CAPTURED);
      expect([shop.crmStatus(held), shop.crmAmount(held)]).toEqual([STATUS_MAPPING.paid, held.amount]);
    }
    for (const held of refused) {
      expect(rowOf(status, held)).toMatchObject({
        outcome: 'failed',
        error: { kind: 'uapay', code: 'BANK_REFUSED', message: 'Картку заблоковано банком' },
      });
    }
    // A gateway page in place of UAPAY's answer does not say whether the capture ran; UAPAY still
    // shows the hold, and a capture may yet come: each waits for a person (or a later look).
    for (const held of gateway)
      expect(rowOf(status, held)).toMatchObject({ outcome: 'failed', error: { kind: 'needs_attention' } });
    for (const held of [...refused, ...gateway, ...mismatch, ...aboveOwed, ...pastSetting]) {
      expect(shop.uapayStatus(held)).toBe(HELD);
      expect(shop.crmStatus(held)).toBe(STATUS_MAPPING.held);
    }
    // What moved on its own was brought into RetailCRM by status sync during the preflight.
    for (const held of released) {
      expect(shop.uapayStatus(held)).toBe(EXPIRED);
      expect(shop.crmStatus(held)).toBe(STATUS_MAPPING.expired);
    }
    for (const held of elsewhere) expect(shop.crmStatus(held)).toBe(STATUS_MAPPING.paid);

    // UAPAY's own count: one capture call per eligible payment, none for the others.
    for (const held of eligible) expect(shop.calls('complete', held)).toBe(1);
    for (const held of [...released, ...pastSetting, ...elsewhere, ...mismatch, ...aboveOwed])
      expect(shop.calls('complete', held)).toBe(0);
    expect(uapay.fake.control.calls({ method: complete, sessionRefused: false })).toBe(180);

    // Every intent of the batch has its result in the journal, but for those waiting for a person.
    const operations = await core.journal.batchOperations(status.batchId);
    expect(operations).toHaveLength(180);
    const waiting = operations.filter((op) => !op.finishedAt);
    expect(waiting.map((op) => [op.paymentId, op.outcome]).sort()).toEqual(
      gateway.map((held) => [held.paymentId, 'needs_attention']).sort(),
    );

    const csv = await core.bulk.exportCsv(status.batchId);
    const [header, ...lines] = parseCsv(csv.text);
    // The columns written out here, not imported from the exporter: people's spreadsheets read this
    // file, so a change to its columns must fail this line.
    expect(header).toEqual([
      'order',
      'order_id',
      'payment_id',
      'amount_uah',
      'result',
      'reason',
      'state_after',
      'error_kind',
      'error_code',
      'message',
      'finished',
      'operation_id',
    ]);
    expect(lines).toHaveLength(205);
    const byPayment = new Map(lines.map((line) => [Number(line[2]), line]));
    for (const row of status.rows) {
      const line = byPayment.get(row.paymentId)!;
      expect(line[4]).toBe(row.outcome);
      expect(line[0]).toBe(row.orderNumber);
    }
    expect(byPayment.get(refused[0]!.paymentId)?.slice(4, 10)).toEqual([
      'failed',
      '',
      '',
      'uapay',
      'BANK_REFUSED',
      'Картку заблоковано банком',
    ]);
    expect(byPayment.get(plain[0]!.paymentId)?.[3]).toBe((plain[0]!.amount / 100).toFixed(2));

    // Progress: a few events a second, the last one final.
    const events = core.progress.filter((p) => p.batchId === status.batchId);
    expect(events.at(-1)).toMatchObject({ state: 'finished', counts: { done: 165, failed: 15 } });
    const seconds = (Date.parse(status.endedAt!) - Date.parse(status.startedAt)) / 1000;
    expect(events.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 4);
    expect(new Set(events.flatMap((e) => e.changed.map((row) => row.paymentId))).size).toBe(180);
  }, 120_000);

  it('stops in the middle: what is in flight finishes, the rest is untouched and says so; resume runs the rest', async () => {
    await open({ concurrency: 4 });
    const all = Array.from({ length: 40 }, () => shop.held());
    shop.sandbox.uapay.fake.control.addFault({ method: '*', kind: 'latency', ms: 25, times: 'always' });
    const preflight = await core.bulk.preflight({
      action: 'confirm',
      paymentIds: all.map((h) => h.paymentId),
    });
    const { batchId } = await core.bulk.start(preflight.preflightId);
    await until(() => (core.progress.at(-1)?.counts.done ?? 0) >= 8);

    const stopping = core.bulk.stop(batchId);
    expect((await core.bulk.status(batchId))?.state).toBe('stopping');
    const stopped = await stopping;
    expect(stopped.state).toBe('stopped');
    expect(stopped.counts.inFlight).toBe(0);
    expect(stopped.counts.done + stopped.counts.untouched).toBe(40);
    expect(stopped.counts.untouched).toBeGreaterThan(10);
    for (const held of all) {
      const row = rowOf(stopped, held)!;
      const captured = row.outcome === 'done';
      expect(shop.uapayStatus(held)).toBe(captured ? CAPTURED : HELD);
      expect(shop.crmStatus(held)).toBe(captured ? STATUS_MAPPING.paid : STATUS_MAPPING.held);
      expect(shop.calls('complete', held)).toBe(captured ? 1 : 0);
    }

    const rest = await core.bulk.resume(batchId);
    expect(rest.preflight.eligible.count).toBe(stopped.counts.untouched);
    expect(rest.preflight.skipped.byReason).toEqual({ already_done: stopped.counts.done });
    expect(rest.batch).toMatchObject({ parentBatchId: batchId, state: 'running' });
    await core.bulk.idle();
    expect((await core.bulk.status(rest.batch!.batchId))?.counts).toMatchObject({
      done: stopped.counts.untouched,
      failed: 0,
    });
    expect(await core.bulk.status(batchId)).toMatchObject({
      state: 'resumed',
      resumedBy: rest.batch!.batchId,
    });
    for (const held of all) {
      expect(shop.uapayStatus(held)).toBe(CAPTURED);
      expect(shop.calls('complete', held)).toBe(1);
    }
  });

  it('retries the failed ones in a new batch after a fresh preflight', async () => {
    await open();
    const all = Array.from({ length: 12 }, () => shop.held());
    const failing = all.slice(0, 3);
    for (const held of failing)
      shop.sandbox.uapay.fake.control.addFault({
        method: 'invoicer/payments/complete',
        paymentId: held.uapayPaymentId,
        kind: 'error',
        code: 'LIMIT_EXCEEDED',
        message: 'Перевищено ліміт',
      });
    // Someone captures one of the failed ones in UAPAY's cabinet before the retry.
    const first = await core.bulk.preflight({ action: 'confirm', query: { chips: ['held'] } });
    const { batchId } = await core.bulk.start(first.preflightId);
    await core.bulk.idle();
    expect((await core.bulk.status(batchId))?.counts).toMatchObject({ done: 9, failed: 3 });
    await expect(core.bulk.start(first.preflightId)).rejects.toMatchObject({ info: { kind: 'validation' } });
    shop.sandbox.uapay.fake.state.actAsOtherParty({
      action: 'complete',
      paymentId: failing[2]!.uapayPaymentId,
      notify: false,
    });

    const retry = await core.bulk.retryFailed(batchId);
    expect(retry.preflight.rows.map((r) => r.paymentId).sort()).toEqual(
      failing.map((h) => h.paymentId).sort(),
    );
    expect(retry.preflight.skipped.byReason).toEqual({ not_held: 1 });
    expect(retry.batch).toMatchObject({ parentBatchId: batchId });
    await core.bulk.idle();
    expect((await core.bulk.status(retry.batch!.batchId))?.counts).toMatchObject({
      done: 2,
      failed: 0,
      skipped: 1,
    });
    for (const held of all) expect(shop.uapayStatus(held)).toBe(CAPTURED);
    expect(failing.map((held) => shop.calls('complete', held))).toEqual([2, 2, 1]);
    expect(all.slice(3).map((held) => shop.calls('complete', held))).toEqual(Array(9).fill(1));
  });

  it('names why each selected payment is left out', async () => {
    await open();
    const ok = shop.held();
    const busy = shop.held();
    const paid = shop.held();
    const unknownInvoice = shop.held();
    await core.orders.refresh();
    // An operation on `busy` is still open: its RetailCRM write keeps failing.
    shop.sandbox.retailcrm.fake.control.injectFault({
      route: 'orders/payments/{id}/edit',
      pathId: busy.paymentId,
      kind: 'status',
      status: 500,
      skip: 1, // the operation's lock on the payment goes in
    });
    await expect(core.payments.money('payment.confirm', busy.paymentId)).resolves.toMatchObject({
      outcome: 'crm_pending',
    });
    shop.sandbox.retailcrm.fake.control.clearFaults();
    await core.payments.money('payment.confirm', paid.paymentId);
    // An invoice id UAPAY does not know (e.g. made with another merchant's account).
    shop.sandbox.retailcrm.fake.state.editPayment(unknownInvoice.paymentId, {
      externalId: '00000000-0000-4000-8000-000000000000',
    });

    const preflight = await core.bulk.preflight({
      action: 'confirm',
      paymentIds: [
        ok.paymentId,
        busy.paymentId,
        paid.paymentId,
        unknownInvoice.paymentId,
        999_999,
        ok.paymentId,
      ],
    });
    expect(preflight.rows.map((r) => [r.paymentId, r.reason ?? 'eligible'])).toEqual([
      [ok.paymentId, 'eligible'],
      [busy.paymentId, 'in_flight'],
      [paid.paymentId, 'not_held'],
      [unknownInvoice.paymentId, 'no_invoice'],
      [999_999, 'not_found'],
    ]);
    expect(preflight.rows[1]?.detail).toEqual({ operation: 'payment.confirm' });

    // Without the merchant's key on this computer nothing of that merchant can go.
    await core.settings.secrets.delete(merchantKeyAccount(MANUAL_MERCHANT.id));
    const without = await core.bulk.preflight({ action: 'confirm', paymentIds: [ok.paymentId] });
    expect(without.rows[0]).toMatchObject({ eligible: false, reason: 'merchant_not_connected' });
    expect(without.eligible).toEqual({ count: 0, total: 0 });
    await expect(core.bulk.start(without.preflightId)).rejects.toMatchObject({
      info: { kind: 'validation', issues: [{ code: 'nothing_eligible' }] },
    });
  });
});

describe('bulk cancellation', () => {
  it('releases the holds with the same machinery and says "rejected" in RetailCRM', async () => {
    await open();
    const all = Array.from({ length: 20 }, () => shop.held());
    const mismatch = shop.held({ amount: 40_000, orderTotal: 45_000 });
    const preflight = await core.bulk.preflight({ action: 'cancel', query: { chips: ['held'] } });
    // A different order total does not stop a cancel: nothing is captured.
    expect(preflight.eligible.count).toBe(21);
    const { batchId } = await core.bulk.start(preflight.preflightId);
    await core.bulk.idle();
    expect((await core.bulk.status(batchId))?.counts).toMatchObject({ done: 21, failed: 0 });
    for (const held of [...all, mismatch]) {
      expect(shop.uapayStatus(held)).toBe(CANCELED);
      expect(shop.crmStatus(held)).toBe(STATUS_MAPPING.rejected);
      expect(shop.calls('cancel', held)).toBe(1);
      expect(shop.calls('complete', held)).toBe(0);
    }
  });
});

// The app's own pace (10 RetailCRM requests a second) and the shipped lock timing: every payment
// of the batch takes its lock in time although the batch keeps RetailCRM's queue full.
describe('bulk confirmation as shipped', () => {
  it('confirms 40 holds at RetailCRM’s pace with the shipped lock timing: none fails for a slow lock', async () => {
    shop = await openShop();
    core = openCore({
      dir: shop.dir,
      keychainService: shop.keychainService,
      uapayUrl: shop.sandbox.uapay.url,
      retailCrmRequestsPerSecond: 10,
      lease: DEFAULT_LEASE_TIMING,
    });
    const all = Array.from({ length: 40 }, () => shop.held());
    const preflight = await core.bulk.preflight({ action: 'confirm', query: { chips: ['held'] } });
    const { batchId } = await core.bulk.start(preflight.preflightId);
    await core.bulk.idle();
    const status = (await core.bulk.status(batchId))!;
    const notDone = status.rows.filter((row) => row.outcome !== 'done');
    expect(notDone.map((row) => `${row.outcome}: ${row.error?.message ?? ''}`)).toEqual([]);
    for (const held of all) {
      expect(shop.calls('complete', held)).toBe(1);
      expect(shop.crmStatus(held)).toBe(STATUS_MAPPING.paid);
    }
  }, 120_000);
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
