import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ORDERS_CACHE_FILE,
  ORDERS_CACHE_VERSION,
  OrdersCacheFile,
  type CacheContent,
} from '../../../electron/core/orders/cacheFile';
import type { Kopiyky } from '../../../electron/shared/money';
import { tempDir } from './support';

const content: CacheContent = {
  account: 'https://shop.retailcrm.ru',
  linkedTypes: ['uapay'],
  sites: [],
  cursor: { sinceId: 42 },
  refreshedAt: '2025-03-01T10:00:00.000Z',
  rows: [
    {
      paymentId: 1,
      orderId: 2,
      orderNumber: '2A',
      site: 'shop',
      createdAt: '2025-03-01T08:00:00.000Z',
      customerName: 'Іван',
      emails: [],
      phones: [],
      orderTotal: 100 as Kopiyky,
      amount: 100 as Kopiyky,
      paymentType: 'uapay',
      state: 'held',
    },
  ],
};

describe('orders cache file', () => {
  it('writes once for a burst of changes, with the last content, and reads it back', async () => {
    const dir = await tempDir();
    const cache = new OrdersCacheFile(dir, 20);
    let produced = 0;
    for (let i = 0; i < 5; i++)
      cache.schedule(() => {
        produced++;
        return { ...content, cursor: { sinceId: 42 + i } };
      });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.flush();
    expect(produced).toBe(1);
    expect(await new OrdersCacheFile(dir).read()).toEqual({ ...content, cursor: { sinceId: 46 } });
    const stat = await fs.stat(path.join(dir, ORDERS_CACHE_FILE));
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
  });

  it('ignores a file of another version or with a malformed row', async () => {
    const dir = await tempDir();
    const file = path.join(dir, ORDERS_CACHE_FILE);
    await fs.writeFile(file, JSON.stringify({ ...content, version: ORDERS_CACHE_VERSION + 1 }));
    expect(await new OrdersCacheFile(dir).read()).toBeUndefined();
    const badRow = { ...content.rows[0], state: 'lost' };
    await fs.writeFile(file, JSON.stringify({ ...content, version: ORDERS_CACHE_VERSION, rows: [badRow] }));
    expect(await new OrdersCacheFile(dir).read()).toBeUndefined();
  });

  it('removes the file when there is nothing to keep', async () => {
    const dir = await tempDir();
    const cache = new OrdersCacheFile(dir, 10_000);
    cache.schedule(() => content);
    await cache.flush();
    cache.schedule(() => undefined);
    await cache.flush();
    await expect(fs.access(path.join(dir, ORDERS_CACHE_FILE))).rejects.toThrow();
  });
});
