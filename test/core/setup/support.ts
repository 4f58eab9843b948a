/**
 * The setup tests' world: a RetailCRM account and a UAPAY merchant on the fakes, and a desk
 * (createDesk, the real keychain under a test service name) called through `dispatch`, keeping
 * every reply for the "no secret anywhere" checks.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createDesk, type Desk, type DeskOptions } from '../../../electron/core/desk';
import { dispatch } from '../../../electron/core/ipc';
import { merchantKeyAccount, RETAILCRM_API_KEY } from '../../../electron/core/secrets/accounts';
import type { SecretStore } from '../../../electron/core/secrets/keychain';
import { createUapayFake, type UapayFake } from '../../../electron/sandbox/uapay';
import type {
  MerchantCheckResult,
  MerchantSaved,
  StatusMappingView,
} from '../../../electron/shared/channels/setup';
import type { Result } from '../../../electron/shared/errors';
import { testKeychain } from '../../support/keychain';

export const MERCHANT = { clientId: '7001', secretKey: 'uapay-merchant-key-one-1', name: 'Квіти' };
export const SECOND_MERCHANT = { clientId: '7002', secretKey: 'uapay-merchant-key-two-2', name: 'Books' };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function startUapay(): Promise<{ fake: UapayFake; origin: string }> {
  const fake = createUapayFake();
  fake.state.addMerchant(MERCHANT);
  fake.state.addMerchant(SECOND_MERCHANT);
  const origin = await fake.listen();
  cleanups.push(() => fake.close());
  return { fake, origin };
}

export interface OpenOptions {
  uapayBaseUrl?: string;
  secrets?: SecretStore;
  settingsFile?: string;
}

export interface TestDesk {
  dir: string;
  desk: Desk;
  /** This desk's own keychain service (a read racing another test's delete of the same entry fails). */
  keychain: SecretStore;
  replies: Result<unknown>[];
  call<T>(channel: string, payload: unknown): Promise<Result<T>>;
  /** The reply's value; throws with the error when the call failed. */
  value<T>(channel: string, payload: unknown): Promise<T>;
  /** The reply's error; throws when the call succeeded. */
  error(channel: string, payload: unknown): Promise<Extract<Result<unknown>, { ok: false }>['error']>;
}

export async function openDesk(options: OpenOptions = {}): Promise<TestDesk> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-setup-'));
  const keychain = options.secrets ?? testKeychain();
  if (options.settingsFile !== undefined)
    await fs.writeFile(path.join(dir, 'settings.json'), options.settingsFile);
  const deskOptions: DeskOptions = {
    appName: 'UAPAY Desk',
    appVersion: '2.0.0',
    userDataDir: dir,
    shell: 'harness',
    secrets: keychain,
    // The fakes run without a rate limit here; the 10/s pace has its own tests (test/core/retailcrm).
    connections: { retailCrm: { backoffMs: 5, timeoutMs: 2_000 }, retailCrmRequestsPerSecond: 200 },
    // Setup tests count the requests each step sends; the background round would add its own.
    background: false,
    ...(options.uapayBaseUrl && { uapayBaseUrl: options.uapayBaseUrl }),
  };
  const desk = createDesk(deskOptions);
  cleanups.push(async () => {
    const reply = await dispatch(desk.handlers, 'settings.get', {});
    await desk.close();
    if (!options.secrets && reply.ok) {
      const { settings } = reply.value as { settings: { merchants: { id: string }[] } };
      await keychain.delete(RETAILCRM_API_KEY);
      for (const { id } of settings.merchants) await keychain.delete(merchantKeyAccount(id));
    }
    await fs.rm(dir, { recursive: true, force: true });
  });
  const replies: Result<unknown>[] = [];
  const call = async <T>(channel: string, payload: unknown): Promise<Result<T>> => {
    const reply = await dispatch(desk.handlers, channel, payload);
    replies.push(reply);
    return reply as Result<T>;
  };
  return {
    dir,
    desk,
    keychain,
    replies,
    call,
    async value<T>(channel: string, payload: unknown) {
      const reply = await call<T>(channel, payload);
      if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`);
      return reply.value;
    },
    async error(channel: string, payload: unknown) {
      const reply = await call(channel, payload);
      if (reply.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(reply.value)}`);
      return reply.error;
    },
  };
}

/**
 * Every setup step through IPC, as a manager would do it (on `startAccount()`'s account, which has
 * a `bank-card` type and three statuses): connect RetailCRM, add two merchants and check them,
 * create one payment type and link the other, map the suggested statuses and create the rest.
 */
export async function fullSetup(desk: TestDesk, crmUrl: string, crmKey: string): Promise<string[]> {
  await desk.value('setup.retailCrm.connect', { url: crmUrl, apiKey: crmKey });
  const ids: string[] = [];
  for (const merchant of [MERCHANT, SECOND_MERCHANT]) {
    const saved = await desk.value<MerchantSaved>('setup.merchants.add', {
      ...merchant,
      environment: 'test',
      confirmManually: merchant === MERCHANT,
    });
    ids.push(saved.merchant.id);
    const check = await desk.value<MerchantCheckResult>('setup.merchants.check', { id: saved.merchant.id });
    if (!check.ok) throw new Error(check.message);
  }
  await desk.value('setup.paymentTypes.create', {
    merchantId: ids[0],
    code: 'uapay-kvity',
    name: 'UAPAY Квіти',
  });
  await desk.value('setup.paymentTypes.link', { merchantId: ids[1], code: 'bank-card' });
  const view = await desk.value<StatusMappingView>('setup.statusMapping.get', {});
  await desk.value('setup.statusMapping.set', { mapping: view.suggestions });
  for (const { state, code, name } of view.proposals)
    await desk.value('setup.statusMapping.createStatus', { state, code, name });
  return ids;
}
