import { describe, expect, it } from 'vitest';
import { SEED_STATES } from '../../../electron/sandbox/seed/account';
import { countByKind, planSeed, type PlanOptions } from '../../../electron/sandbox/seed/plan';
import { SeededRandom } from '../../../electron/sandbox/seed/random';

const HOUR = 3_600_000;
const HOLD = 7 * 24 * HOUR;
const LINK = 72 * HOUR;
const options = (size: number, seed = 1): PlanOptions => ({
  size,
  seed,
  holdLifetimeMs: HOLD,
  payLinkLifetimeMs: LINK,
});

/** When the card attempt happened, before now. */
const attemptAge = (order: { ageMs: number; linkAfterMs?: number; payAfterMs?: number }) =>
  order.ageMs - (order.linkAfterMs ?? 0) - (order.payAfterMs ?? 0);

describe('seed: the PRNG', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const random = new SeededRandom(7);
    for (let i = 0; i < 1_000; i++) {
      const value = random.int(3, 5);
      expect(value >= 3 && value <= 5 && Number.isInteger(value)).toBe(true);
    }
    expect(() => new SeededRandom(1.5)).toThrow(RangeError);
  });
});

describe('seed: the plan', () => {
  it('is identical for the same seed and differs for another seed', () => {
    expect(planSeed(options(500, 9))).toEqual(planSeed(options(500, 9)));
    const other = planSeed(options(500, 10));
    expect(other.orders.map((order) => order.total)).not.toEqual(
      planSeed(options(500, 9)).orders.map((order) => order.total),
    );
  });

  it('covers every lifecycle state, both merchants and a hold ending within a day, even when small', () => {
    const plan = planSeed(options(12));
    const counts = countByKind(plan.orders);
    for (const state of SEED_STATES) expect(counts[state], state).toBeGreaterThan(0);
    expect(counts.other).toBe(1);
    expect(plan.orders.some((order) => order.kind === 'paid' && order.merchant === 'manual')).toBe(true);
    expect(plan.orders.some((order) => order.kind === 'paid' && order.merchant === 'auto')).toBe(true);
    expect(plan.orders.some((order) => order.kind === 'held' && attemptAge(order) > HOLD - 24 * HOUR)).toBe(
      true,
    );
  });

  it('dates each state so the fakes can reach it: live links, live and expired holds', () => {
    const { orders, customers } = planSeed(options(3_000));
    expect(customers).toHaveLength(1_200);
    for (const order of orders) {
      expect(order.total).toBe(order.items.reduce((sum, item) => sum + item.initialPrice * item.quantity, 0));
      if (order.kind === 'link_sent') expect(order.ageMs - order.linkAfterMs!).toBeLessThan(LINK);
      if (order.kind === 'held' || order.kind === 'rejected')
        expect(attemptAge(order)).toBeLessThan(HOLD - HOUR);
      if (order.kind === 'expired') expect(attemptAge(order)).toBeGreaterThan(HOLD);
      if (order.merchant === 'manual' && order.captureAfterMs !== undefined) {
        expect(attemptAge(order)).toBeLessThan(HOLD - HOUR);
        expect(order.captureAfterMs).toBeLessThan(attemptAge(order));
      }
      if (order.kind === 'partially_refunded') {
        expect(order.refundAmount).toBeGreaterThan(0);
        expect(order.refundAmount).toBeLessThan(order.total);
      }
      if (order.captureAmount !== undefined) expect(order.captureAmount).toBeLessThan(order.total);
      if (order.kind === 'held' || order.kind === 'rejected' || order.kind === 'expired')
        expect(order.merchant).toBe('manual');
      expect(order.site).toBe(customers[order.customer]!.site);
    }
    // Oldest first, so RetailCRM ids grow with time.
    expect(orders.every((order, index) => index === 0 || orders[index - 1]!.ageMs >= order.ageMs)).toBe(true);
    expect(new Set(customers.map((customer) => customer.email)).size).toBe(customers.length);
  });

  it('plans nothing for size 0 and refuses a negative or fractional size', () => {
    expect(planSeed(options(0))).toEqual({ customers: [], orders: [] });
    expect(() => planSeed(options(-1))).toThrow(RangeError);
    expect(() => planSeed(options(2.5))).toThrow(RangeError);
  });
});
