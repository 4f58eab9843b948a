/** Seeded fakes on free loopback ports (closed after each test), and readers of the real RetailCRM wire. */
import { afterEach, expect } from 'vitest';
import { SandboxClock } from '../../../electron/sandbox/clock';
import { createRetailCrmFake } from '../../../electron/sandbox/retailcrm';
import { seedSandbox, type SeedOptions } from '../../../electron/sandbox/seed';
import { createUapayFake } from '../../../electron/sandbox/uapay';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

export async function seeded(options: SeedOptions = {}) {
  const clock = new SandboxClock();
  const retailcrm = createRetailCrmFake({ clock, rateLimitPerSecond: 0 });
  const uapay = createUapayFake({ clock });
  running.push(retailcrm, uapay);
  const crmUrl = await retailcrm.listen();
  const uapayUrl = await uapay.listen();
  const result = seedSandbox(
    { retailcrm, uapay, retailCrmUrl: crmUrl, smtp: { host: '127.0.0.1', port: 2525 } },
    options,
  );
  return { clock, retailcrm, uapay, crmUrl, uapayUrl, result };
}

/** RetailCRM prints hryvnias as JSON numbers; back to kopiyky through the decimal text, not a float product. */
export function kopiyky(hryvnias: number): number {
  const [whole = '0', fraction = ''] = String(hryvnias).split('.');
  expect(fraction.length).toBeLessThanOrEqual(2);
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WireOrder = any;

/** Every order, page by page, as a client would read GET /api/v5/orders (newest first). */
export async function listAllOrders(crmUrl: string, apiKey: string): Promise<WireOrder[]> {
  const orders: WireOrder[] = [];
  for (let page = 1; ; page++) {
    const response = await fetch(`${crmUrl}/api/v5/orders?limit=100&page=${page}`, {
      headers: { 'X-API-KEY': apiKey },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { pagination: { totalPageCount: number }; orders: WireOrder[] };
    orders.push(...body.orders);
    if (page >= body.pagination.totalPageCount) return orders;
  }
}
