import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { LIFECYCLE_STATES, type LifecycleState } from '../../shared/lifecycle';
import {
  merchantSchema,
  relaySchema,
  retailCrmSchema,
  statusMappingSchema,
  type Merchant,
  type RelaySettings,
  type RetailCrmSettings,
  type Settings,
  type SettingsPatch,
  type SettingsView,
  type SmtpSettings,
  type StatusMapping,
} from '../../shared/settings';
import { log } from '../log';
import {
  merchantKeyAccount,
  RELAY_TOKEN,
  RETAILCRM_API_KEY,
  SMTP_PASSWORD,
  type SecretAccount,
} from '../secrets/accounts';
import type { Secrets } from '../secrets/secrets';
import { parseOrRefuse } from '../validation';
import { checkAmong, notFound, refuseLockedChange, type MerchantChanges } from './merchantRules';
import { movedSecrets } from './destinations';
import type { SettingsStore, UpdateOptions } from './store';

export type { MerchantChanges };

/** What a new merchant needs; the id is ours to give. */
export type NewMerchant = Omit<z.input<typeof merchantSchema>, 'id' | 'paymentTypeLocked'>;

/** Filled in for the fields a first `settings.update` of SMTP leaves out. */
const SMTP_DEFAULTS: Partial<SmtpSettings> = { port: 587, secure: false, user: '', fromName: '' };

/** The lifecycle states that still need a RetailCRM status; operations wait until none is left. */
export function unmappedStates(settings: Pick<Settings, 'statusMapping'>): LifecycleState[] {
  return LIFECYCLE_STATES.filter((state) => !settings.statusMapping[state]);
}

/**
 * Settings and the secrets that go with them, changed together: a key is saved before the
 * settings that refer to it, and put back as it was when the settings cannot be written. The
 * setup actions (RetailCRM connect, merchants, mapping, relay pairing) call these after their own
 * checks against the services.
 *
 * A secret goes only to the place it was entered for: whenever any write to the settings (a team
 * profile, a settings edit, a pairing, anything that reaches the store) changes where a secret
 * would be sent, that secret is deleted before the settings are written, unless it was entered
 * for the new place in the same change.
 */
export class SettingsService {
  constructor(
    readonly store: SettingsStore,
    readonly secrets: Secrets,
    private readonly newId: () => string = randomUUID,
  ) {
    store.beforeWrite((before, after, options) => this.forgetMovedSecrets(before, after, options));
  }

  get(): Promise<Settings> {
    return this.store.get();
  }

  /** The manager's name as Settings has it now: who the journal records (read at each operation). */
  managerName(): string | undefined {
    return this.store.peek()?.managerName || undefined;
  }

  /** Everything the settings screen shows: the settings, saved/missing per secret, a file problem. */
  async view(): Promise<SettingsView> {
    const settings = await this.store.get();
    const secrets = await this.secrets.view(settings.merchants.map((m) => m.id));
    const problem = this.store.fileProblem();
    return { settings, secrets, ...(problem && { problem }) };
  }

  /** The general fields of `settings.update`; SMTP fields merge into what is there. */
  updateGeneral(patch: SettingsPatch): Promise<Settings> {
    return this.store.update((current) => {
      const next: Settings = { ...current };
      if (patch.holdLifetimeHours !== undefined) next.holdLifetimeHours = patch.holdLifetimeHours;
      if (patch.payLinkLifetimeHours !== undefined) next.payLinkLifetimeHours = patch.payLinkLifetimeHours;
      if (patch.managerName !== undefined) next.managerName = patch.managerName;
      if (patch.language !== undefined) next.language = patch.language;
      if (patch.notifications)
        next.notifications = { ...current.notifications, ...definedOnly(patch.notifications) };
      if (patch.smtp === null) next.smtp = null;
      else if (patch.smtp)
        next.smtp = { ...SMTP_DEFAULTS, ...current.smtp, ...definedOnly(patch.smtp) } as SmtpSettings;
      return next;
    });
  }

  setSmtpPassword(password: string): Promise<void> {
    return this.secrets.save(SMTP_PASSWORD, password);
  }

  deleteSmtpPassword(): Promise<boolean> {
    return this.secrets.delete(SMTP_PASSWORD);
  }

  /** Saves the RetailCRM connection (after the setup checks passed); `null` disconnects and deletes the key. */
  async setRetailCrm(retailCrm: z.input<typeof retailCrmSchema> | null, apiKey?: string): Promise<Settings> {
    if (retailCrm === null) return this.withoutSecret(RETAILCRM_API_KEY, (s) => ({ ...s, retailCrm: null }));
    const parsed: RetailCrmSettings = parseOrRefuse(
      retailCrmSchema,
      retailCrm,
      'The RetailCRM settings are not valid',
    );
    return this.withSecret(RETAILCRM_API_KEY, apiKey, (options) =>
      this.store.update((s) => ({ ...s, retailCrm: parsed }), options),
    );
  }

  async setStatusMapping(mapping: StatusMapping): Promise<Settings> {
    const parsed = parseOrRefuse(statusMappingSchema, mapping, 'The status mapping is not valid');
    return this.store.update((s) => ({ ...s, statusMapping: parsed }));
  }

  /** Saves a relay pairing with its desktop token; `null` unpairs and deletes the token. */
  async setRelay(relay: RelaySettings | null, token?: string): Promise<Settings> {
    if (relay === null) return this.withoutSecret(RELAY_TOKEN, (s) => ({ ...s, relay: null }));
    const parsed = parseOrRefuse(relaySchema, relay, 'The relay settings are not valid');
    return this.withSecret(RELAY_TOKEN, token, (options) =>
      this.store.update((s) => ({ ...s, relay: parsed }), options),
    );
  }

  setDemoMode(demoMode: boolean): Promise<Settings> {
    return this.store.update((s) => ({ ...s, demoMode }));
  }

  setUpdateFeedUrl(updateFeedUrl: string | undefined): Promise<Settings> {
    return this.store.update(({ updateFeedUrl: _old, ...s }) => ({
      ...s,
      ...(updateFeedUrl && { updateFeedUrl }),
    }));
  }

  async merchant(id: string): Promise<Merchant> {
    const found = (await this.store.get()).merchants.find((m) => m.id === id);
    if (!found) throw notFound(id);
    return found;
  }

  /** Adds a merchant (its key first, when given: nothing is saved if the keychain refuses). */
  async addMerchant(input: NewMerchant, secretKey?: string): Promise<Merchant> {
    const merchant = parseOrRefuse(
      merchantSchema,
      { ...input, id: this.newId() },
      'The merchant is not valid',
    );
    const { merchants } = await this.store.get();
    checkAmong([...merchants, merchant], merchants.length);
    await this.withSecret(merchantKeyAccount(merchant.id), secretKey, () =>
      this.store.update((s) => ({ ...s, merchants: [...s.merchants, merchant] })),
    );
    return merchant;
  }

  /** Edits a merchant; a locked payment-type link cannot change (DESIGN.md, workflow 3). */
  async updateMerchant(id: string, changes: MerchantChanges, secretKey?: string): Promise<Merchant> {
    let updated: Merchant | undefined;
    const apply = (merchants: Merchant[]) => {
      const index = merchants.findIndex((m) => m.id === id);
      const before = merchants[index];
      if (!before) throw notFound(id);
      refuseLockedChange(before, changes);
      const merchant = parseOrRefuse(
        merchantSchema,
        { ...before, ...definedOnly(changes), id },
        'The merchant is not valid',
      );
      const next = merchants.with(index, merchant);
      checkAmong(next, index);
      updated = merchant;
      return next;
    };
    apply((await this.store.get()).merchants); // refuse before the key is touched
    await this.withSecret(merchantKeyAccount(id), secretKey, () =>
      this.store.update((s) => ({ ...s, merchants: apply(s.merchants) })),
    );
    return updated as Merchant;
  }

  async setMerchantKey(id: string, secretKey: string): Promise<void> {
    await this.merchant(id);
    await this.secrets.save(merchantKeyAccount(id), secretKey);
  }

  /** Called once payments of the merchant's payment type exist. */
  lockPaymentType(id: string): Promise<Merchant> {
    return this.updateMerchant(id, { paymentTypeLocked: true });
  }

  /**
   * Removes a merchant and its key. The key goes first: when the keychain refuses, the merchant
   * stays, so no key is left in the keychain that nothing refers to.
   */
  async removeMerchant(id: string): Promise<void> {
    await this.merchant(id);
    await this.secrets.delete(merchantKeyAccount(id));
    await this.store.update((s) => {
      if (!s.merchants.some((m) => m.id === id)) throw notFound(id);
      return { ...s, merchants: s.merchants.filter((m) => m.id !== id) };
    });
  }

  /** Runs `write` with `value` saved under `account`; if `write` fails, the previous value is back. */
  private async withSecret<T>(
    account: SecretAccount,
    value: string | undefined,
    write: (options: UpdateOptions) => Promise<T>,
  ): Promise<T> {
    if (value === undefined) return write({});
    const previous = await this.secrets.read(account);
    await this.secrets.save(account, value);
    try {
      return await write({ enteredFor: [account] });
    } catch (error) {
      await (previous === null ? this.secrets.delete(account) : this.secrets.save(account, previous)).catch(
        (undo: unknown) =>
          log.error('could not put a secret back after a failed settings write', { account, undo }),
      );
      throw error;
    }
  }

  /**
   * The store's guard: deletes each secret whose destination this write changes. It runs before
   * the write, so a keychain that refuses leaves the settings as they were; a write that fails
   * after it leaves the secret deleted, which asks the person for it again and sends it nowhere.
   */
  private async forgetMovedSecrets(before: Settings, after: Settings, options: UpdateOptions): Promise<void> {
    for (const account of movedSecrets(before, after)) {
      if (options.enteredFor?.includes(account)) continue;
      if (await this.secrets.delete(account))
        log.info('deleted a secret: the settings now send it somewhere else', { account });
    }
  }

  /** Deletes the secret first, so a refusal from the keychain leaves the settings as they were. */
  private async withoutSecret(account: SecretAccount, change: (s: Settings) => Settings): Promise<Settings> {
    await this.secrets.delete(account);
    return this.store.update(change);
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
