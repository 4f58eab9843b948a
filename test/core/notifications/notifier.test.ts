import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Notifier } from '../../../electron/core/notifications/notifier';
import { EventBus } from '../../../electron/core/events';
import type { JournalEntry } from '../../../electron/shared/channels/journal';
import type { DeskNotification } from '../../../electron/shared/channels/notifications';
import type { Kopiyky } from '../../../electron/shared/money';
import type { OrderRow } from '../../../electron/shared/orders';
import { DEFAULT_NOTIFICATIONS, type NotificationSettings } from '../../../electron/shared/settings';
import { listRow } from '../../support/orderRow';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;
const notifiers: Notifier[] = [];
afterEach(async () => {
  for (const n of notifiers.splice(0)) await n.close();
});

function row(id: number, fields: Partial<OrderRow>): OrderRow {
  return listRow(id, { orderId: id * 10, createdAt: NOW.toISOString(), ...fields });
}

async function open(options: {
  dir?: string;
  rows?: OrderRow[];
  pending?: JournalEntry[];
  notifications?: Partial<NotificationSettings>;
}) {
  const dir = options.dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'desk-notify-')));
  const events = new EventBus();
  const shown: DeskNotification[] = [];
  const badges: number[] = [];
  events.subscribe((event, payload) => {
    if (event === 'notify.show') shown.push(payload);
    if (event === 'notify.badge') badges.push(payload.held);
  });
  let rows = options.rows ?? [];
  const notifier = new Notifier({
    dir,
    events,
    rows: async () => rows,
    pendingWrites: async () => options.pending ?? [],
    settings: async () => ({
      language: 'uk',
      holdLifetimeHours: 168,
      notifications: { ...DEFAULT_NOTIFICATIONS, ...options.notifications },
    }),
    now: () => NOW,
    checkEveryMs: 0,
  });
  notifiers.push(notifier);
  const change = async (changed: OrderRow[]) => {
    rows = [...rows.filter((r) => !changed.some((c) => c.paymentId === r.paymentId)), ...changed];
    notifier.rowsChanged({ changed, removed: [], refreshing: false });
    await notifier.idle();
  };
  await notifier.idle();
  return { dir, notifier, shown, badges, change };
}

describe('desktop notifications: what the core tells', () => {
  it('tells when a payment it knew becomes held, never of a first load, and counts the holds', async () => {
    const { shown, badges, change } = await open({ rows: [row(1, {}), row(2, { state: 'held' })] });
    expect(shown).toEqual([]);
    expect(badges).toEqual([1]);
    await change([
      row(1, { state: 'held', uapay: { amount: 90_00 as Kopiyky, checkedAt: NOW.toISOString() } }),
    ]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      kind: 'held',
      paymentId: 1,
      orderNumber: '1A',
      title: 'Кошти утримано: замовлення 1A',
    });
    expect(shown[0]!.body.replace(/\s/g, ' ')).toContain('90,00 ₴');
    expect(badges).toEqual([1, 2]);
    // A payment first seen already held (a first load) is not news.
    await change([row(3, { state: 'held' })]);
    expect(shown).toHaveLength(1);
  });

  it('keeps quiet about a kind switched off', async () => {
    const { shown, change } = await open({ rows: [row(1, {})], notifications: { held: false } });
    await change([row(1, { state: 'held' })]);
    expect(shown).toEqual([]);
  });

  it('tells once per payment that a hold ends within the hours set, even after a restart', async () => {
    const soon = row(1, {
      state: 'held',
      uapay: {
        holdExpiresAt: new Date(NOW.getTime() + 5 * HOUR).toISOString(),
        checkedAt: NOW.toISOString(),
      },
    });
    const later = row(2, {
      state: 'held',
      uapay: {
        holdExpiresAt: new Date(NOW.getTime() + 30 * HOUR).toISOString(),
        checkedAt: NOW.toISOString(),
      },
    });
    const first = await open({ rows: [soon, later] });
    expect(first.shown.map((n) => [n.kind, n.paymentId])).toEqual([['expiring', 1]]);
    await first.notifier.check();
    expect(first.shown).toHaveLength(1);
    const again = await open({ dir: first.dir, rows: [soon, later] });
    expect(again.shown).toEqual([]);
    // Told 48 hours ahead instead: the later one too.
    const wider = await open({ rows: [soon, later], notifications: { expiringHours: 48 } });
    expect(wider.shown.map((n) => n.paymentId).sort()).toEqual([1, 2]);
  });

  it('tells once when a RetailCRM write is still pending ten minutes on, and of a payment needing a person', async () => {
    const pending: JournalEntry = {
      opId: 'op-9',
      kind: 'payment.confirm',
      at: new Date(NOW.getTime() - 11 * 60_000).toISOString(),
      osUser: 'olena',
      orderId: 90,
      orderNumber: '9A',
      paymentId: 9,
      outcome: 'crm_pending',
      steps: [],
    };
    const fresh = { ...pending, opId: 'op-10', at: NOW.toISOString() };
    const { shown, notifier, change } = await open({
      rows: [row(9, { state: 'paid' })],
      pending: [pending, fresh],
    });
    expect(shown.map((n) => [n.kind, n.id])).toEqual([['crm_failing', 'crm_failing:op-9']]);
    await notifier.check();
    expect(shown).toHaveLength(1);
    const attention = { kind: 'payment.refund', at: NOW.toISOString(), outcome: 'needs_attention' as const };
    await change([row(9, { state: 'paid', lastOperation: attention })]);
    await change([row(9, { state: 'paid', lastOperation: attention })]);
    expect(shown.map((n) => n.kind)).toEqual(['crm_failing', 'attention']);
  });
});
