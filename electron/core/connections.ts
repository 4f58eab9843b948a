import type PQueue from 'p-queue';
import type { Merchant } from '../shared/settings';
import { NotConnectedError } from './errors';
import { RetailCrmApi } from './retailcrm/api';
import { RetailCrmClient } from './retailcrm/client';
import { createRetailCrmLimiter } from './retailcrm/limiter';
import { merchantKeyAccount, RETAILCRM_API_KEY } from './secrets/accounts';
import type { Secrets } from './secrets/secrets';
import type { SettingsService } from './settings/service';
import { UapayClient } from './uapay/client';

export interface ConnectionsOptions {
  /**
   * Sends every merchant's calls to this origin instead of UAPAY's hosts: the sandbox, in Demo
   * mode and in tests. Never set from settings, so a team profile cannot redirect money calls.
   */
  uapayBaseUrl?: string;
  retailCrmRequestsPerSecond?: number;
  retailCrm?: Partial<
    Pick<ConstructorParameters<typeof RetailCrmClient>[0], 'attempts' | 'backoffMs' | 'timeoutMs'>
  >;
  uapayTimeoutMs?: number;
  /** The clock UAPAY requests are stamped with (`iat`); the sandbox's own in tests. */
  now?: () => number;
}

/**
 * The app's clients, built from the settings and the keychain and kept while they stay valid:
 * one RetailCRM client (and one rate limiter for every RetailCRM call of the app), one UAPAY
 * client per merchant (each keeps its session). A change of address, key or merchant drops the
 * affected client.
 */
export class Connections {
  private readonly limiter: PQueue;
  private retailCrmClient?: { key: string; api: RetailCrmApi };
  private readonly uapayClients = new Map<string, { key: string; client: UapayClient }>();

  constructor(
    private readonly settings: SettingsService,
    private readonly secrets: Secrets,
    private readonly options: ConnectionsOptions = {},
  ) {
    this.limiter = createRetailCrmLimiter(options.retailCrmRequestsPerSecond);
  }

  /** A RetailCRM client for an address and key that are not saved yet (the setup checks). */
  retailCrmFor(origin: string, apiKey: string): RetailCrmApi {
    return new RetailCrmApi(
      new RetailCrmClient({ origin, apiKey, limiter: this.limiter, ...this.options.retailCrm }),
    );
  }

  async retailCrm(): Promise<RetailCrmApi> {
    const { retailCrm } = await this.settings.get();
    if (!retailCrm)
      throw notConnected('RetailCRM is not connected yet: add its address and API key in Settings.');
    const apiKey = await this.secrets.require(RETAILCRM_API_KEY);
    const key = `${retailCrm.url}\n${apiKey}`;
    if (this.retailCrmClient?.key !== key)
      this.retailCrmClient = { key, api: this.retailCrmFor(retailCrm.url, apiKey) };
    return this.retailCrmClient.api;
  }

  /** A UAPAY client for credentials that are not saved yet ("Check connection" in the form). */
  uapayFor(
    merchant: Pick<Merchant, 'clientId' | 'environment'> & { id?: string },
    secretKey: string,
  ): UapayClient {
    return new UapayClient(
      {
        ...(merchant.id && { merchantId: merchant.id }),
        clientId: merchant.clientId,
        secretKey,
        environment: merchant.environment,
        ...(this.options.uapayBaseUrl && { baseUrl: this.options.uapayBaseUrl }),
      },
      {
        ...(this.options.uapayTimeoutMs && { timeoutMs: this.options.uapayTimeoutMs }),
        ...(this.options.now && { now: this.options.now }),
      },
    );
  }

  async uapay(merchantId: string): Promise<UapayClient> {
    const merchant = await this.settings.merchant(merchantId);
    const secretKey = await this.secrets.require(merchantKeyAccount(merchantId));
    const key = `${merchant.clientId}\n${merchant.environment}\n${secretKey}`;
    const cached = this.uapayClients.get(merchantId);
    if (cached?.key === key) return cached.client;
    const client = this.uapayFor(merchant, secretKey);
    this.uapayClients.set(merchantId, { key, client });
    return client;
  }
}

function notConnected(message: string): NotConnectedError {
  return new NotConnectedError({ service: 'retailcrm', message });
}
