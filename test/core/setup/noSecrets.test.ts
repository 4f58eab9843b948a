import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MerchantSaved } from '../../../electron/shared/channels/setup';
import { FULL_KEY, startAccount } from '../retailcrm/account';
import { fullSetup, MERCHANT, openDesk, SECOND_MERCHANT, startUapay } from './support';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** A secret in any form it could take in text: as is, JSON-escaped, URL-encoded. */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

describe('setup: no secret anywhere', () => {
  it('leaves no key in the user-data folder, the log or any reply after a full setup with mistakes', async () => {
    vi.stubEnv('DESK_DEBUG', '1');
    const log: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      log.push(String(chunk));
      return true;
    });
    const crm = await startAccount();
    const uapay = await startUapay();
    const desk = await openDesk({ uapayBaseUrl: uapay.origin });
    const wrongCrmKey = 'wrong-crm-key-typed-by-mistake';
    const wrongMerchantKey = 'wrong merchant key + spaces/&=';
    const replacedKey = 'replaced-merchant-key-for-a-while';

    // Mistakes first: a wrong RetailCRM key, a wrong merchant key checked from the form.
    await desk.value('setup.retailCrm.connect', { url: crm.url, apiKey: wrongCrmKey });
    await desk.value('setup.merchants.check', {
      clientId: MERCHANT.clientId,
      secretKey: wrongMerchantKey,
      environment: 'test',
    });
    // Retries and their debug lines: RetailCRM is busy for a moment.
    crm.fake.control.injectFault({ route: 'credentials', kind: 'status', status: 503, times: 2 });
    const [first] = await fullSetup(desk, crm.url, FULL_KEY);
    await desk.value<MerchantSaved>('setup.merchants.update', { id: first, secretKey: replacedKey });
    await desk.value('setup.merchants.check', { id: first });
    await desk.value('setup.merchants.update', { id: first, secretKey: MERCHANT.secretKey });
    await desk.value('setup.merchants.check', { id: first });
    await desk.value('setup.readiness', {});
    await desk.value('setup.paymentTypes.list', {});
    await desk.value('setup.statusMapping.get', {});
    await desk.value('settings.get', {});
    await desk.value('profile.export', {});
    await desk.desk.close();

    const secrets = [
      FULL_KEY,
      wrongCrmKey,
      MERCHANT.secretKey,
      SECOND_MERCHANT.secretKey,
      wrongMerchantKey,
      replacedKey,
    ];
    const files = await filesUnder(desk.dir);
    expect(files.length).toBeGreaterThan(0);
    const contents = await Promise.all(files.map((file) => fs.readFile(file, 'utf8')));
    const replies = JSON.stringify(desk.replies);
    const logText = log.join('');
    expect(logText).toContain('retailcrm: retrying');
    expect(desk.replies.length).toBeGreaterThan(20);
    for (const secret of secrets) {
      for (const form of forms(secret)) {
        for (const [i, text] of contents.entries()) expect(text, files[i]).not.toContain(form);
        expect(logText).not.toContain(form);
        expect(replies).not.toContain(form);
      }
    }
  });
});
