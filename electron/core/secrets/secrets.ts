import type { KeychainStatus } from '../../shared/app';
import { MAX_SECRET_LENGTH, type SecretsView } from '../../shared/settings';
import { KeychainError, NotConnectedError, ValidationError } from '../errors';
import {
  describeAccount,
  merchantIdOf,
  merchantKeyAccount,
  RELAY_TOKEN,
  RETAILCRM_API_KEY,
  serviceOf,
  SMTP_PASSWORD,
  type SecretAccount,
} from './accounts';
import type { SecretStore } from './keychain';
import { MIN_SECRET_LENGTH, MIN_STORED_SECRET_LENGTH, redactions, type RedactionRegistry } from './redaction';

// What a person can do about an unavailable keychain, per backend (keychain.ts names them).
const KEYCHAIN_HELP: Record<string, string> = {
  'secret-service':
    'On Linux this is GNOME Keyring or KWallet (the Secret Service): make sure one runs and is unlocked.',
  'macos-keychain': 'Unlock the login keychain (Keychain Access) and allow UAPAY Desk to use it.',
  'windows-credential-manager': 'Check that Windows Credential Manager works for your user account.',
};

/**
 * The app's secrets, by account (accounts.ts), over the OS keychain. Every value read or written
 * is remembered for redaction; nothing here returns a value except `read`/`require`, which only
 * the clients that send the secret to its provider call. There is no plain-text fallback.
 */
export class Secrets {
  constructor(
    private readonly store: SecretStore,
    private readonly registry: RedactionRegistry = redactions,
  ) {}

  status(): Promise<KeychainStatus> {
    return this.store.status().catch((cause: unknown) => ({
      available: false,
      backend: 'unknown',
      problem: this.registry.mask(describe(cause)),
    }));
  }

  /** Saves or replaces a secret. Refuses with a KeychainError when the keychain cannot keep it. */
  async save(account: SecretAccount, value: string): Promise<void> {
    const secret = value.trim();
    const label = capitalize(describeAccount(account));
    const refuse = (message: string) =>
      new ValidationError(message, [{ path: 'value', code: 'invalid_secret', message }]);
    if (secret.length < MIN_SECRET_LENGTH) throw refuse(`${label} is empty or too short.`);
    if (secret.length < MIN_STORED_SECRET_LENGTH)
      throw refuse(
        `${label} is too short: UAPAY Desk keeps only secrets of at least ${MIN_STORED_SECRET_LENGTH} ` +
          'characters, because a shorter one cannot be told apart from ordinary text and kept out of ' +
          'what the app shows and logs. Use a longer one.',
      );
    if (secret.length > MAX_SECRET_LENGTH)
      throw refuse(`${label} is too long (over ${MAX_SECRET_LENGTH} characters).`);
    if (/[\r\n]/.test(secret)) throw refuse(`${label} must be on one line.`);
    // Remembered before the call, so even an error text that echoes it is masked.
    this.registry.remember(secret, account);
    try {
      await this.store.set(account, secret);
    } catch (cause) {
      throw await this.refusal(`${label} was not saved`, cause);
    }
  }

  /** The secret, or null when none is saved. For the clients that send it to its provider. */
  async read(account: SecretAccount): Promise<string | null> {
    let value: string | null;
    try {
      value = await this.store.get(account);
    } catch (cause) {
      throw await this.refusal(`${capitalize(describeAccount(account))} could not be read`, cause);
    }
    if (value !== null) this.registry.remember(value, account);
    return value;
  }

  /** The secret, or a clear error that it must be entered first. */
  async require(account: SecretAccount): Promise<string> {
    const value = await this.read(account);
    if (value !== null) return value;
    const message = `${capitalize(describeAccount(account))} is not saved on this computer: enter it in Settings.`;
    const merchantId = merchantIdOf(account);
    throw new NotConnectedError({
      service: serviceOf(account),
      message,
      secret: true,
      ...(merchantId && { merchantId }),
    });
  }

  async isSaved(account: SecretAccount): Promise<boolean> {
    return (await this.read(account)) !== null;
  }

  /** Resolves false when there was nothing to delete. */
  async delete(account: SecretAccount): Promise<boolean> {
    try {
      return await this.store.delete(account);
    } catch (cause) {
      throw await this.refusal(`${capitalize(describeAccount(account))} was not deleted`, cause);
    }
  }

  /** Saved or missing, per account the settings refer to; never a value. */
  async view(merchantIds: readonly string[]): Promise<SecretsView> {
    try {
      const [retailCrmApiKey, smtpPassword, relayToken, ...merchants] = await Promise.all([
        this.isSaved(RETAILCRM_API_KEY),
        this.isSaved(SMTP_PASSWORD),
        this.isSaved(RELAY_TOKEN),
        ...merchantIds.map((id) => this.isSaved(merchantKeyAccount(id))),
      ]);
      return {
        retailCrmApiKey: retailCrmApiKey ?? false,
        smtpPassword: smtpPassword ?? false,
        relayToken: relayToken ?? false,
        merchantKeys: Object.fromEntries(merchantIds.map((id, i) => [id, merchants[i] ?? false])),
      };
    } catch (error) {
      return {
        retailCrmApiKey: false,
        smtpPassword: false,
        relayToken: false,
        merchantKeys: Object.fromEntries(merchantIds.map((id) => [id, false])),
        keychainProblem: error instanceof KeychainError ? error.message : this.registry.mask(describe(error)),
      };
    }
  }

  /** Why the keychain refused, in words a person can act on, with no secret in them. */
  private async refusal(what: string, cause: unknown): Promise<KeychainError> {
    const status = await this.status();
    const message = status.available
      ? `${what}: the system keychain (${status.backend}) refused: ${describe(cause).replace(/\.$/, '')}.`
      : [
          `${what}: the system keychain (${status.backend}) is not available (${status.problem ?? describe(cause)}).`,
          'UAPAY Desk keeps keys and passwords only in the system keychain and never in a file.',
          KEYCHAIN_HELP[status.backend],
          'Then try again.',
        ]
          .filter(Boolean)
          .join(' ');
    return new KeychainError(status.available ? 'failed' : 'unavailable', this.registry.mask(message), {
      cause,
    });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
