/**
 * Runs the ops of a plan against the cores of two desktops (child processes) and the sandbox: the
 * managers' calls go through the IPC contract; the customer, UAPAY's callbacks and every fault act
 * on the fakes in this process. A desktop's core is started (again) lazily, at its first call
 * after a kill. Most ops act on the first desktop; the second joins for races and some money ops.
 */
import { stateForCrmStatus } from '../../electron/core/lifecycle';
import type { Sandbox } from '../../electron/sandbox';
import { NotPayableError, type PayCard } from '../../electron/sandbox/uapay';
import { signToken } from '../../electron/sandbox/uapay/jwt';
import type { OrdersList } from '../../electron/shared/channels/orders';
import type { LinkResult } from '../../electron/shared/channels/payments';
import type { LifecycleState } from '../../electron/shared/lifecycle';
import { kopiyky } from '../../electron/shared/money';
import type { OrderRow } from '../../electron/shared/orders';
import type { StatusMapping } from '../../electron/shared/settings';
import type { Result } from '../../electron/shared/errors';
import { extraInfoOf } from '../support/readings';
import { CoreGone, type CoreProcess } from './coreProcess';
import { withKill } from './kill';
import type { DeskIndex, KillPoint, Op } from './plan';
import { Random } from './random';
import { emptyStats, type Stats, type Violation } from './report';
import { moneyKindOf } from './truth';
import type { World } from './world';

/** An operation that has not answered in this long is stuck (a bulk run gets more). */
const STUCK_MS = 60_000;
const BULK_STUCK_MS = 180_000;

export interface CrmPaymentRow {
  id: number;
  orderId: number;
  status: string | undefined;
  state: LifecycleState | undefined;
  amount: number;
  externalId: string | undefined;
}

const DESKS: readonly DeskIndex[] = [0, 1];

export interface CallOptions {
  desk?: DeskIndex;
  stuckMs?: number;
}

export class Driver {
  readonly stats: Stats = emptyStats();
  readonly violations: Violation[] = [];
  private readonly cores: [CoreProcess | undefined, CoreProcess | undefined] = [undefined, undefined];
  private readonly orders: { id: number; email: string }[] = [];
  /** Links the core handed to the manager (who may pass them on before RetailCRM has them). */
  private readonly givenLinks = new Set<string>();
  private readonly mapping: StatusMapping;
  private readonly linkedTypes: Set<string>;
  private index = 0;

  constructor(private readonly world: World) {
    this.mapping = world.sandbox.profile.settings.statusMapping as StatusMapping;
    this.linkedTypes = new Set(world.sandbox.uapay.merchants.map((m) => m.paymentTypeCode));
  }

  private get sandbox(): Sandbox {
    return this.world.sandbox;
  }

  /**
   * Starts the first desktop's core, pairs it with the relay and loads the (empty) list; the
   * second desktop gets the same settings (and so the relay) for when it starts.
   */
  async setUp(): Promise<void> {
    const pairing = await this.world.relay.pair();
    await this.expectOk('relay.pair', { code: pairing.pairingCode });
    await this.expectOk('orders.refresh', { full: true });
    await this.world.copySettingsToSecondDesk();
  }

  async run(op: Op, index: number): Promise<void> {
    this.index = index;
    this.stats.ops += 1;
    this.stats.byOp[op.op] = (this.stats.byOp[op.op] ?? 0) + 1;
    const started = Date.now();
    await this.apply(op);
    this.stats.msByOp[op.op] = (this.stats.msByOp[op.op] ?? 0) + Date.now() - started;
  }

  /** A desktop's core as it is now (started if the last one was killed); a crash is a violation. */
  async coreNow(desk: DeskIndex = 0, clockShiftMs = 0): Promise<CoreProcess> {
    const running = this.cores[desk];
    if (running?.alive) return running;
    this.noteCrash(desk);
    const core = await this.world.startCore(desk, clockShiftMs);
    this.cores[desk] = core;
    this.stats.starts[desk] += 1;
    return core;
  }

  /** Whether the desktop's core ever ran in this run (its journal may hold something). */
  started(desk: DeskIndex): boolean {
    return this.stats.starts[desk] > 0;
  }

  async killCore(desk: DeskIndex): Promise<void> {
    await this.cores[desk]?.kill();
  }

  async killAll(): Promise<void> {
    for (const desk of DESKS) await this.killCore(desk);
  }

  async closeCore(desk: DeskIndex): Promise<void> {
    this.noteCrash(desk);
    await this.cores[desk]?.close();
    this.cores[desk] = undefined;
  }

  private noteCrash(desk: DeskIndex): void {
    const crash = this.cores[desk]?.crash();
    if (crash)
      this.violate({
        kind: 'crashed',
        detail: `desktop ${desk + 1}: the core process ended by itself: ${crash}`,
      });
  }

  /** Every RetailCRM payment of a linked type on the run's orders, oldest first. */
  crmPayments(): CrmPaymentRow[] {
    const crm = this.sandbox.retailcrm.fake.state;
    return this.orders
      .flatMap((order) => crm.paymentsOf(order.id))
      .filter((payment) => this.linkedTypes.has(payment.type))
      .map((payment) => ({
        id: payment.id,
        orderId: payment.orderId,
        status: payment.status,
        state: stateForCrmStatus(payment.status, this.mapping),
        amount: payment.amount,
        externalId: payment.externalId,
      }))
      .sort((a, b) => a.id - b.id);
  }

  /** A call through the IPC contract; undefined when the core went away meanwhile. */
  async call(
    channel: string,
    request: unknown,
    { desk = 0, stuckMs = STUCK_MS }: CallOptions = {},
  ): Promise<Result<unknown> | undefined> {
    const core = await this.coreNow(desk);
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), stuckMs)));
    try {
      const result = await Promise.race([core.call(channel, request), stuck]);
      if (result === 'stuck') {
        this.violate({
          kind: 'stuck',
          detail: `desktop ${desk + 1}: ${channel} did not answer in ${stuckMs / 1000} s`,
        });
        await core.kill();
        return undefined;
      }
      const name = channel.replace(/^payments\./, '');
      const error = result.ok ? undefined : result.error;
      const code = error && 'code' in error && typeof error.code === 'string' ? `/${error.code}` : '';
      this.count(`${name}:${error ? `${error.kind}${code}` : 'ok'}`);
      if (error?.kind === 'internal') {
        await new Promise((resolve) => setTimeout(resolve, 20)); // its log line may trail the reply
        this.violate({
          kind: 'internal',
          detail: `desktop ${desk + 1}: ${channel} ${JSON.stringify(request)} → internal error; log: ${
            core.lastErrorLog() ?? '-'
          }`,
        });
      }
      return result;
    } catch (error) {
      if (error instanceof CoreGone) return undefined;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The rows a desktop's core lists now (what its manager sees); undefined when it did not answer. */
  async rows(desk: DeskIndex = 0): Promise<OrderRow[] | undefined> {
    const list = await this.call('orders.list', {}, { desk });
    return list?.ok ? (list.value as OrdersList).rows : undefined;
  }

  private async expectOk(channel: string, request: unknown): Promise<unknown> {
    const result = await this.call(channel, request);
    if (!result?.ok) throw new Error(`${channel} failed at set-up: ${JSON.stringify(result)}`);
    return result.value;
  }

  private violate(violation: Omit<Violation, 'op'>): void {
    this.violations.push({ ...violation, op: this.index + 1 });
  }

  private count(key: string): void {
    this.stats.outcomes[key] = (this.stats.outcomes[key] ?? 0) + 1;
  }

  private choose<T>(items: readonly T[], pick: number): T | undefined {
    if (items.length === 0) {
      this.stats.skipped += 1;
      return undefined;
    }
    return items[Math.floor(pick * items.length)];
  }

  /** Mostly payments in the states the op is for (as the list shows them), sometimes any. */
  private target(states: LifecycleState[], pick: number): CrmPaymentRow | undefined {
    const all = this.crmPayments();
    const fitting = all.filter((p) => p.state && states.includes(p.state));
    const anyOne = pick < 0.08 || fitting.length === 0;
    return this.choose(anyOne ? all.filter((p) => p.externalId) : fitting, anyOne ? pick / 0.08 : pick);
  }

  /** The op's work inside a kill point of a desktop: the kill lands only while the work still waits. */
  private async cut(
    point: KillPoint | undefined,
    desk: DeskIndex,
    work: () => Promise<unknown>,
  ): Promise<void> {
    const core = await this.coreNow(desk);
    const { killed } = await withKill(point, this.sandbox, core, work);
    if (killed) this.stats.kills.inside += 1;
  }

  private async apply(op: Op): Promise<void> {
    const uapay = this.sandbox.uapay.fake;
    const crm = this.sandbox.retailcrm.fake;
    switch (op.op) {
      case 'order':
        this.newOrder(op.total);
        return;
      case 'add': {
        const withPayment = new Set(this.crmPayments().map((p) => p.orderId));
        const open = this.orders.filter((o) => !withPayment.has(o.id));
        // No order waiting for a payment: a customer places one first.
        const order = open.length
          ? open[Math.floor(op.pick * open.length)]!
          : this.newOrder(100 + Math.floor(op.pick * 2_000_000));
        const merchant = this.sandbox.uapay.merchants.find(
          (m) => m.confirmManually === (op.merchant === 'manual'),
        );
        const total = crm.state.order(order.id)?.totalSumm ?? 0;
        const amount = op.part ? Math.max(1, Math.floor(total * op.part)) : undefined;
        await this.call('payments.add', {
          orderId: order.id,
          merchantId: merchant?.id,
          ...(amount && { amount }),
        });
        return;
      }
      case 'refresh':
        await this.call('orders.refresh', { full: op.full });
        return;
      case 'link': {
        const payment = this.target(['no_link', 'link_sent', 'failed'], op.pick);
        if (!payment) return;
        await this.cut(op.kill, 0, () => this.link(payment.id));
        return;
      }
      case 'send': {
        const payment = this.choose(
          this.crmPayments().filter((p) => p.externalId),
          op.pick,
        );
        if (!payment) return;
        const email = this.orders.find((o) => o.id === payment.orderId)?.email;
        await this.call('payments.sendLink', { paymentId: payment.id, to: email });
        return;
      }
      case 'pay': {
        const invoiceId = this.choose(this.payableLinks(), op.pick);
        if (invoiceId) this.pay(invoiceId, op.card);
        return;
      }
      case 'confirm': {
        const payment = this.target(['held'], op.pick);
        if (!payment) return;
        const amount = op.part ? Math.max(1, Math.floor(payment.amount * op.part)) : undefined;
        const desk = op.desk ?? 0;
        await this.cut(op.kill, desk, () =>
          this.call('payments.confirm', { paymentId: payment.id, ...(amount && { amount }) }, { desk }),
        );
        return;
      }
      case 'cancel': {
        const payment = this.target(['held'], op.pick);
        if (!payment) return;
        const desk = op.desk ?? 0;
        await this.cut(op.kill, desk, () =>
          this.call('payments.cancel', { paymentId: payment.id }, { desk }),
        );
        return;
      }
      case 'refund': {
        const payment = this.target(['paid', 'partially_refunded'], op.pick);
        if (!payment) return;
        const amount = op.part ? Math.max(1, Math.floor(payment.amount * op.part)) : undefined;
        const desk = op.desk ?? 0;
        await this.cut(op.kill, desk, () =>
          this.call('payments.refund', { paymentId: payment.id, ...(amount && { amount }) }, { desk }),
        );
        return;
      }
      case 'race':
        await this.race(op);
        return;
      case 'supersede':
        await this.supersede(op);
        return;
      case 'redecline':
        await this.redecline(op);
        return;
      case 'giveBack':
        await this.giveBack(op.pick);
        return;
      case 'bulk':
        await this.cut(op.kill, 0, () => this.bulk(op));
        return;
      case 'sync':
        await this.call('payments.sync', op.all ? { paymentIds: this.crmPayments().map((p) => p.id) } : {});
        return;
      case 'callback':
        await this.replayCallback(op.pick);
        return;
      case 'uapayFault':
        uapay.control.addFault({ method: op.method, ...op.fault, times: op.times });
        this.stats.faults.uapay += 1;
        return;
      case 'crmFault':
        crm.control.injectFault({ route: op.route, ...op.fault, times: op.times });
        this.stats.faults.crm += 1;
        return;
      case 'crmLatency':
        crm.control.setLatency(op.ms);
        if (op.ms) this.stats.faults.crmLatency += 1;
        return;
      case 'relay':
        if (op.up) await this.world.relay.up();
        else if (this.world.relay.running) {
          await this.world.relay.down();
          this.stats.faults.relayDown += 1;
        }
        return;
      case 'smtp':
        this.sandbox.mail.catcher.setFault(op.down ? 'down' : null);
        if (op.down) this.stats.faults.smtpDown += 1;
        return;
      case 'clearFaults':
        clearFaults(this.world);
        return;
      case 'kill':
        if (this.cores[op.desk]?.alive) {
          await this.cores[op.desk]?.kill();
          this.stats.kills.between += 1;
        }
        return;
    }
  }

  /** "Generate link" on the first desktop; the link goes to the manager (and on to the customer). */
  private async link(paymentId: number): Promise<LinkResult | undefined> {
    const result = await this.call('payments.createLink', { paymentId });
    if (!result?.ok) return undefined;
    const link = result.value as LinkResult;
    this.givenLinks.add(link.invoiceId);
    return link;
  }

  /** The customer on the hosted page; whether the card went through. */
  private pay(invoiceId: string, card: PayCard): boolean {
    try {
      this.sandbox.uapay.fake.state.pay(invoiceId, { card });
      this.count(`pay:${card}`);
      return card !== 'decline';
    } catch (error) {
      if (!(error instanceof NotPayableError)) throw error;
      this.count(`pay:not-payable`);
      return false;
    }
  }

  /**
   * Two desktops, one payment: both managers press the same button at once. Both desktops list
   * the payment first (as a person looking at it would). At most one UAPAY money call may follow;
   * the other desktop is told the payment is busy elsewhere (or fails for a reason of its own,
   * e.g. an injected fault), never succeeds as well.
   */
  private async race(op: Extract<Op, { op: 'race' }>): Promise<void> {
    const states: LifecycleState[] = op.action === 'refund' ? ['paid', 'partially_refunded'] : ['held'];
    const payment = this.target(states, op.pick);
    if (!payment?.externalId) return;
    for (const desk of DESKS) await this.call('orders.refresh', { full: false }, { desk });
    const amount =
      op.part && op.action !== 'cancel' ? Math.max(1, Math.floor(payment.amount * op.part)) : undefined;
    const request = { paymentId: payment.id, ...(amount && { amount }) };
    if (op.crmLag)
      this.sandbox.retailcrm.fake.control.injectFault({
        route: 'orders/payments/{id}/edit',
        pathId: payment.id,
        kind: 'latency',
        ms: op.crmLag,
        times: 1,
      });
    // Ops run one at a time and no background work calls a money method: every money call from
    // here to the answers is the race's.
    const before = this.moneyCallCount();
    const results: (Result<unknown> | undefined)[] = [undefined, undefined];
    this.stats.races.run += 1;
    await this.cut(op.kill, op.killDesk, () =>
      Promise.all(
        DESKS.map(async (desk) => {
          results[desk] = await this.call(`payments.${op.action}`, request, { desk });
        }),
      ),
    );
    const made = this.moneyCallCount() - before;
    if (made > 0) this.stats.races.called += 1;
    const what = `${op.action} of payment ${payment.id} on both desktops`;
    if (made > 1)
      this.violate({ kind: 'race', paymentId: payment.id, detail: `${what} made ${made} UAPAY money calls` });
    if (results.every((result) => result?.ok))
      this.violate({
        kind: 'race',
        paymentId: payment.id,
        detail: `${what}: both answered ${results.map((r) => JSON.stringify(r?.ok && r.value)).join(' and ')}`,
      });
    if (results.some((result) => result?.ok)) {
      const loser = results.find((result) => result && !result.ok);
      const error = loser && !loser.ok ? loser.error : undefined;
      if (error?.kind === 'busy' && 'elsewhere' in error && error.elsewhere)
        this.stats.races.busyElsewhere += 1;
      else if (loser) this.stats.races.otherLoser += 1;
    }
  }

  private moneyCallCount(): number {
    return this.sandbox.uapay.fake.control.callLog().filter((call) => moneyKindOf(call)).length;
  }

  /**
   * A superseded link paid: a link is made and mailed, the order changes and so does the
   * payment's amount in RetailCRM, a new link is made (once or twice); the customer pays from an
   * earlier letter (and sometimes from the last one as well). Status sync must find the money.
   */
  private async supersede(op: Extract<Op, { op: 'supersede' }>): Promise<void> {
    const payment = this.target(['no_link', 'link_sent', 'failed'], op.pick);
    if (!payment) return;
    const first = await this.link(payment.id);
    if (!first) return;
    const links = [first];
    let amount = payment.amount;
    for (let n = 0; n < op.relinks; n++) {
      const changed = Math.max(1, Math.floor(amount * op.share));
      if (changed === amount) break;
      amount = changed;
      this.sandbox.retailcrm.fake.state.editPayment(payment.id, { amount: kopiyky(amount) });
      const next = await this.link(payment.id);
      if (!next) break;
      const made = this.sandbox.uapay.fake.state.invoice(next.invoiceId)?.amount;
      if (made !== amount)
        this.violate({
          kind: 'link',
          paymentId: payment.id,
          detail: `"Generate link" for a payment of ${amount} gave invoice ${next.invoiceId} of ${made}`,
        });
      links.push(next);
    }
    const newest = links.at(-1)!;
    const superseded = links.slice(0, -1).filter((link) => link.invoiceId !== newest.invoiceId);
    const old = superseded[Math.floor(op.pays * superseded.length)];
    if (!old) return;
    this.stats.superseded.relinked += 1;
    if (!this.pay(old.invoiceId, op.card)) return;
    this.stats.superseded.oldPaid += 1;
    if (op.both && this.pay(newest.invoiceId, op.card)) this.stats.superseded.bothPaid += 1;
  }

  /**
   * A card declined on a live link; the manager makes the link again. While UAPAY keeps that
   * invoice payable for the payment's amount the same link comes back (a declined link whose
   * amount is unchanged is reused, not left payable beside a new one); it is paid.
   */
  private async redecline(op: Extract<Op, { op: 'redecline' }>): Promise<void> {
    const current = new Map(
      this.crmPayments().flatMap((p) => (p.externalId ? [[p.externalId, p] as const] : [])),
    );
    const invoiceId = this.choose(
      this.payableLinks().filter((id) => current.has(id)),
      op.pick,
    );
    const payment = invoiceId ? current.get(invoiceId) : undefined;
    if (!invoiceId || !payment) return;
    this.pay(invoiceId, 'decline');
    const again = await this.link(payment.id);
    if (!again) return;
    if (again.invoiceId === invoiceId) this.stats.redecline.reused += 1;
    else {
      this.stats.redecline.renewed += 1;
      const invoice = this.sandbox.uapay.fake.state.invoice(invoiceId);
      const amount = this.sandbox.retailcrm.fake.state
        .paymentsOf(payment.orderId)
        .find((p) => p.id === payment.id)?.amount;
      const payable =
        invoice?.invoiceStatus === 'ACTIVE' && invoice.payments.every((p) => p.paymentStatus === 'REJECTED');
      if (payable && invoice.amount === amount)
        this.violate({
          kind: 'link',
          paymentId: payment.id,
          detail: `after a declined card, invoice ${invoiceId} was still payable for ${amount}, yet a new one (${again.invoiceId}) was made`,
        });
    }
    this.pay(again.invoiceId, op.card);
  }

  /** The manager gives back extra money the list shows on a second paid link of a payment. */
  private async giveBack(pick: number): Promise<void> {
    const rows = (await this.rows(0)) ?? [];
    const extra = rows.flatMap((row) =>
      (row.uapay?.extra ?? []).map((money) => ({ paymentId: row.paymentId, invoiceId: money.invoiceId })),
    );
    const chosen = this.choose(extra, pick);
    if (chosen) await this.call('payments.giveBackExtra', chosen);
  }

  /** A customer orders on the shop's site (RetailCRM); the core sees it at its next refresh. */
  private newOrder(total: number): { id: number; email: string } {
    const n = this.orders.length + 1;
    const email = `buyer${n}@example.com`;
    const order = this.sandbox.retailcrm.fake.state.addOrder({
      site: 'demo-shop',
      totalSumm: kopiyky(total),
      firstName: 'Хаос',
      lastName: `Покупець ${n}`,
      email,
    });
    const created = { id: order.id, email };
    this.orders.push(created);
    return created;
  }

  /**
   * Links a customer can pay: the one RetailCRM has for a payment, or one the core gave the
   * manager while RetailCRM did not take it yet — and not paid already.
   */
  private payableLinks(): string[] {
    const uapay = this.sandbox.uapay.fake.state;
    const payments = this.crmPayments();
    const current = new Set(payments.flatMap((p) => (p.externalId ? [p.externalId] : [])));
    const byId = new Map(payments.map((p) => [p.id, p]));
    const candidates = new Set(current);
    for (const invoiceId of this.givenLinks) {
      const paymentId = extraInfoOf(uapay.invoice(invoiceId)?.extraInfo)?.paymentId;
      const payment = typeof paymentId === 'number' ? byId.get(paymentId) : undefined;
      if (payment && !payment.externalId) candidates.add(invoiceId);
    }
    return [...candidates].sort().filter((invoiceId) => {
      const invoice = uapay.invoice(invoiceId);
      return (
        invoice?.invoiceStatus === 'ACTIVE' &&
        invoice.payments.every((p) => uapay.money(p.paymentId)?.phase === 'declined')
      );
    });
  }

  private async bulk(op: Extract<Op, { op: 'bulk' }>): Promise<void> {
    const interrupted = await this.call('bulk.interrupted', {});
    if (interrupted?.ok) {
      for (const batch of interrupted.value as { batchId: string }[]) {
        if (!op.resume) {
          await this.call('bulk.dismiss', { batchId: batch.batchId });
          continue;
        }
        const rerun = await this.call('bulk.resume', { batchId: batch.batchId });
        const started = rerun?.ok && (rerun.value as { batch: { batchId: string } | null }).batch;
        if (started) await this.waitForBatch(started.batchId);
      }
    }
    const random = new Random(op.select);
    const held = this.crmPayments().filter((p) => p.state === 'held' && random.chance(0.6));
    if (held.length === 0) {
      this.stats.skipped += 1;
      return;
    }
    const preflight = await this.call('bulk.preflight', {
      action: op.action,
      paymentIds: held.map((p) => p.id),
    });
    if (!preflight?.ok) return;
    const checked = preflight.value as { preflightId: string; eligible: { count: number } };
    if (checked.eligible.count === 0) return;
    const started = await this.call('bulk.start', { preflightId: checked.preflightId });
    if (started?.ok) await this.waitForBatch((started.value as { batchId: string }).batchId);
  }

  private async waitForBatch(batchId: string): Promise<void> {
    const until = Date.now() + BULK_STUCK_MS;
    while (Date.now() < until) {
      const status = await this.call('bulk.status', { batchId });
      if (!status?.ok) return;
      const state = (status.value as { state: string } | null)?.state;
      if (state !== 'running' && state !== 'stopping') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.violate({
      kind: 'stuck',
      detail: `bulk batch ${batchId} still running after ${BULK_STUCK_MS / 1000} s`,
    });
    await this.killCore(0);
  }

  /** A callback UAPAY sent before, signed afresh and posted to the relay again. */
  private async replayCallback(pick: number): Promise<void> {
    const uapay = this.sandbox.uapay.fake;
    const delivery = this.choose(uapay.control.callbacks(), pick);
    if (!delivery || !this.world.relay.running) return;
    const clientId = String(uapay.state.invoice(delivery.invoiceId)?.clientId ?? '');
    const merchant = this.sandbox.uapay.merchants.find((m) => m.clientId === clientId);
    if (!merchant) return;
    const iat = Math.floor(uapay.control.clock.now() / 1000);
    const token = await signToken({ ...(delivery.payload as object), iat }, merchant.secretKey);
    this.count(`callback:${await this.world.relay.post(delivery.url, JSON.stringify({ token }))}`);
  }
}

/** Every fault off: the fakes answer normally again (the final reconciliation starts so). */
export function clearFaults(world: World): void {
  world.sandbox.uapay.fake.control.clearFaults();
  world.sandbox.retailcrm.fake.control.clearFaults();
  world.sandbox.retailcrm.fake.control.setLatency(0);
  world.sandbox.mail.catcher.setFault(null);
}
