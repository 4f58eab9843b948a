import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundRound, type RoundWork } from '../../../electron/core/background/round';
import { memoryKeychain } from '../../../electron/core/demo/memoryKeychain';
import { createDesk, type Desk } from '../../../electron/core/desk';
import { NetworkError } from '../../../electron/core/errors';
import type { BackgroundStatus } from '../../../electron/shared/channels/background';
import { openDeskOnShop, openShop, type Shop } from '../bulk/support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait each status announces: from the end of a round to the start of the next. */
const waitOf = (status: BackgroundStatus) =>
  Date.parse(status.nextRoundAt!) - Date.parse(status.lastRoundAt!);

/** A round's work that records what ran; each step can be made to fail or take a while. */
function work(overrides: Partial<RoundWork> = {}) {
  const calls: string[] = [];
  const work: RoundWork = {
    configured: async () => true,
    reconcile: async () => (calls.push('reconcile'), 0),
    refresh: async () => void calls.push('refresh'),
    sync: async () => (calls.push('sync'), { checked: 1, failedMerchants: [] }),
    ...overrides,
  };
  return { work, calls };
}

const rounds: BackgroundRound[] = [];
afterEach(async () => {
  await Promise.all(rounds.splice(0).map((round) => round.close()));
});

function started(options: ConstructorParameters<typeof BackgroundRound>[0]): {
  round: BackgroundRound;
  statuses: BackgroundStatus[];
} {
  const statuses: BackgroundStatus[] = [];
  const round = new BackgroundRound({ ...options, onChange: (status) => statuses.push(status) });
  rounds.push(round);
  round.start();
  return { round, statuses };
}

async function untilRounds(statuses: BackgroundStatus[], count: number, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (statuses.length < count) {
    if (Date.now() > end) throw new Error(`only ${statuses.length} rounds of ${count}`);
    await sleep(5);
  }
}

describe('the background round', () => {
  it('reconciles, refreshes when due and syncs, in that order, the first round at once', async () => {
    const { work: w, calls } = work();
    const { statuses } = started({ work: w, timing: { syncMs: 20, refreshMs: 60_000 } });
    await untilRounds(statuses, 3);
    expect(calls.slice(0, 7)).toEqual([
      'reconcile',
      'refresh',
      'sync',
      'reconcile',
      'sync',
      'reconcile',
      'sync',
    ]);
    expect(statuses[0]).toMatchObject({ state: 'ok', running: false, roundMs: 20, refreshMs: 60_000 });
    expect(waitOf(statuses[0]!)).toBe(20);
  });

  it('never runs two rounds at once, however slow one is', async () => {
    let inside = 0;
    let most = 0;
    const { work: w } = work({
      sync: async () => {
        most = Math.max(most, ++inside);
        await sleep(30);
        inside -= 1;
        return { checked: 1, failedMerchants: [] };
      },
    });
    const { statuses } = started({ work: w, timing: { syncMs: 1, refreshMs: 1 } });
    await untilRounds(statuses, 4);
    expect(most).toBe(1);
  });

  it('waits twice as long after each round that cannot reach RetailCRM, up to the ceiling, and drops back once it answers', async () => {
    let down = true;
    const { work: w } = work({
      refresh: async () => {
        if (down)
          throw new NetworkError('retailcrm', 'unreachable', 'Could not reach RetailCRM (ECONNREFUSED).');
      },
    });
    const { statuses } = started({ work: w, timing: { syncMs: 10, refreshMs: 0, maxBackoffMs: 40 } });
    await untilRounds(statuses, 4);
    expect(statuses.slice(0, 4).map(waitOf)).toEqual([20, 40, 40, 40]);
    expect(statuses[0]).toMatchObject({
      state: 'unreachable',
      lastFailure: {
        step: 'refresh',
        service: 'retailcrm',
        unreachable: true,
        message: 'Could not reach RetailCRM (ECONNREFUSED).',
      },
    });
    down = false;
    const seen = statuses.length;
    await untilRounds(statuses, seen + 2);
    const back = statuses.at(-1)!;
    expect(back.state).toBe('ok');
    expect(waitOf(back)).toBe(10);
    // The last problem stays in the status, with its time, after the rounds succeed again.
    expect(back.lastFailure).toMatchObject({ step: 'refresh', service: 'retailcrm' });
  });

  it('backs off when UAPAY could be asked about no merchant, but not when only one merchant failed', async () => {
    let checked = 0;
    const { work: w } = work({ sync: async () => ({ checked, failedMerchants: ['m1'] }) });
    const { statuses } = started({ work: w, timing: { syncMs: 10, refreshMs: 60_000 } });
    await untilRounds(statuses, 2);
    expect(statuses[0]).toMatchObject({
      state: 'unreachable',
      lastFailure: { step: 'sync', service: 'uapay', unreachable: true, merchantIds: ['m1'] },
    });
    expect(statuses.slice(0, 2).map(waitOf)).toEqual([20, 40]);
    checked = 3;
    const seen = statuses.length;
    await untilRounds(statuses, seen + 1);
    expect(statuses.at(-1)).toMatchObject({ state: 'failing', lastFailure: { unreachable: false } });
    expect(waitOf(statuses.at(-1)!)).toBe(10);
  });

  it('does nothing but look again while no shop is set up', async () => {
    const { work: w, calls } = work({ configured: async () => false });
    const { statuses } = started({ work: w, timing: { syncMs: 10, refreshMs: 10 } });
    await untilRounds(statuses, 2);
    expect(calls).toEqual([]);
    expect(statuses[0]).toMatchObject({ state: 'not_set_up' });
  });

  it('counts the operations the journal still shows open', async () => {
    const { work: w } = work({ reconcile: async () => 2 });
    const { statuses } = started({ work: w, timing: { syncMs: 10, refreshMs: 10 } });
    await untilRounds(statuses, 1);
    expect(statuses[0]).toMatchObject({ state: 'ok', openOperations: 2 });
  });

  it('on close, lets the running round end and starts no other', async () => {
    let release: () => void = () => undefined;
    let ended = false;
    const { work: w, calls } = work({
      refresh: () =>
        new Promise<void>((resolve) => {
          calls.push('refresh');
          release = () => {
            ended = true;
            resolve();
          };
        }),
    });
    const { round } = started({ work: w, timing: { syncMs: 1, refreshMs: 1 } });
    while (!calls.includes('refresh')) await sleep(2);
    expect(round.status().running).toBe(true);
    const closing = round.close();
    setTimeout(() => release(), 20);
    await closing;
    expect(ended).toBe(true);
    const after = calls.length;
    await sleep(30);
    expect(calls.length).toBe(after);
    expect(calls).not.toContain('sync');
    expect(round.status()).toMatchObject({ running: false });
    expect(round.status().nextRoundAt).toBeUndefined();
  });

  it('runs nothing when told so (timing false)', async () => {
    const { work: w, calls } = work();
    const { round } = started({ work: w, timing: false });
    await sleep(20);
    expect(calls).toEqual([]);
    expect(round.status()).toEqual({ state: 'off', running: false, openOperations: 0 });
  });
});

describe('the background round of a desk', () => {
  let shop: Shop | undefined;
  let desk: Desk | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await desk?.close();
    await shop?.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('backs off while the RetailCRM fake drops every connection, tells the UI each round, and recovers', async () => {
    const keychain = memoryKeychain();
    shop = await openShop({ secretStore: keychain });
    const crm = shop.sandbox.retailcrm.fake.control;
    crm.injectFault({ route: '*', kind: 'drop' });
    desk = openDeskOnShop(shop, keychain, {
      connections: { retailCrm: { attempts: 1, backoffMs: 5 } },
      background: { syncMs: 50, refreshMs: 50, maxBackoffMs: 200 },
    });
    const statuses: BackgroundStatus[] = [];
    desk.events.subscribe((event, payload) => {
      if (event === 'background.status') statuses.push(payload);
    });
    await untilRounds(statuses, 3, 10_000);
    expect(statuses.slice(0, 3).map(waitOf)).toEqual([100, 200, 200]);
    expect(statuses[0]).toMatchObject({
      state: 'unreachable',
      lastFailure: { step: 'refresh', service: 'retailcrm', unreachable: true },
    });
    expect(await desk.handlers['background.status']({})).toMatchObject({ state: 'unreachable' });

    crm.clearFaults();
    const seen = statuses.length;
    await untilRounds(statuses, seen + 1, 10_000);
    expect(statuses.at(-1)).toMatchObject({ state: 'ok' });
    expect(waitOf(statuses.at(-1)!)).toBe(50);
  });

  it('stops the Demo workspace’s round when Demo mode stops, and tells the UI the own one’s state', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-round-demo-'));
    dirs.push(dir);
    desk = createDesk({
      appName: 'UAPAY Desk',
      appVersion: '1',
      userDataDir: dir,
      shell: 'harness',
      secrets: memoryKeychain(),
      demoSize: 10,
    });
    const statuses: BackgroundStatus[] = [];
    desk.events.subscribe((event, payload) => {
      if (event === 'background.status') statuses.push(payload);
    });
    await desk.handlers['demo.start']({});
    const demo = desk.workspace();
    expect(statuses.at(-1)?.state).not.toBe('off');
    while (!demo.background.status().lastRoundAt) await sleep(20);

    await desk.handlers['demo.stop']({});
    expect(demo.background.status()).toMatchObject({ running: false });
    expect(demo.background.status().nextRoundAt).toBeUndefined();
    // The own workspace has no shop: its round only looks whether one is set up.
    expect(statuses.at(-1)).toMatchObject({ state: 'not_set_up' });
  });

  it('keeps the own workspace’s news from the UI while Demo mode is on, though its round goes on', async () => {
    const keychain = memoryKeychain();
    shop = await openShop({ secretStore: keychain });
    desk = openDeskOnShop(shop, keychain, {
      background: { syncMs: 50, refreshMs: 50 },
      demoSize: 10,
    });
    const own = desk.workspace();
    while (!own.background.status().lastRoundAt) await sleep(10);
    await desk.handlers['demo.start']({});
    const numbers: string[] = [];
    desk.events.subscribe((event, payload) => {
      if (event === 'orders.changed') numbers.push(...payload.changed.map((row) => row.orderNumber));
    });

    const held = shop.held();
    const rounds = (await own.orders.list()).refreshedAt;
    while ((await own.orders.row(held.paymentId)) === undefined) await sleep(20);
    expect((await own.orders.list()).refreshedAt).not.toBe(rounds);
    expect(numbers).not.toContain(held.orderNumber);
  });
});
