/**
 * The one naming scheme of keychain accounts. Every secret lives under the one service name
 * (`KEYCHAIN_SERVICE`), in an account that says what it is, so a person looking at their keychain
 * (or support) can tell the entries apart. Nothing else builds an account name.
 */
export const RETAILCRM_API_KEY = 'retailcrm:api-key';
export const SMTP_PASSWORD = 'smtp:password';
export const RELAY_TOKEN = 'relay:token';

export type MerchantKeyAccount = `merchant:${string}:secret-key`;
export type SecretAccount =
  typeof RETAILCRM_API_KEY | typeof SMTP_PASSWORD | typeof RELAY_TOKEN | MerchantKeyAccount;

/** The secret key of one UAPAY merchant, by our own merchant id (a UUID). */
export function merchantKeyAccount(merchantId: string): MerchantKeyAccount {
  if (!/^[0-9a-f-]{36}$/i.test(merchantId)) throw new Error(`Not a merchant id: ${merchantId.slice(0, 40)}`);
  return `merchant:${merchantId.toLowerCase()}:secret-key`;
}

/** The merchant id in a merchant key account, or undefined for the other accounts. */
export function merchantIdOf(account: SecretAccount): string | undefined {
  return /^merchant:(.+):secret-key$/.exec(account)?.[1];
}

/** The service a secret is sent to (or, for a merchant key, signs for). */
export function serviceOf(account: SecretAccount): 'retailcrm' | 'uapay' | 'smtp' | 'relay' {
  switch (account) {
    case RETAILCRM_API_KEY:
      return 'retailcrm';
    case SMTP_PASSWORD:
      return 'smtp';
    case RELAY_TOKEN:
      return 'relay';
    default:
      return 'uapay';
  }
}

/** What the secret is, for messages a person reads ("the RetailCRM API key"). */
export function describeAccount(account: SecretAccount): string {
  switch (account) {
    case RETAILCRM_API_KEY:
      return 'the RetailCRM API key';
    case SMTP_PASSWORD:
      return 'the SMTP password';
    case RELAY_TOKEN:
      return 'the relay token';
    default:
      return 'the merchant secret key';
  }
}
