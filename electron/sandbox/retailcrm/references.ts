/**
 * Reference books (reference §5): stores, currencies, payment types and payment statuses. Lists are keyed by
 * code on the wire, except currencies, which are an array with exactly one `isBase`.
 */
import type { Currency, PaymentStatus, PaymentType, Site } from './model';

export interface SiteInput {
  code: string;
  name?: string;
  url?: string;
  description?: string;
  currency?: string;
  countryIso?: string;
  language?: string;
  defaultForCrm?: boolean;
  ordering?: number;
}

export interface CurrencyInput {
  code: string;
  /** Making one currency the base takes the flag from the previous base (exactly one is base). */
  isBase?: boolean;
  isAutoConvert?: boolean;
  autoConvertExtraPercent?: number;
}

export interface PaymentTypeInput {
  code: string;
  name?: string;
  active?: boolean;
  defaultForCrm?: boolean;
  defaultForApi?: boolean;
  description?: string;
  deliveryTypes?: string[];
  sites?: string[];
  /** Replaces the statuses this type may use (the link is shown on both sides). */
  paymentStatuses?: string[];
  integrationModule?: { active: boolean; name: string; logo?: string };
}

export interface PaymentStatusInput {
  code: string;
  name?: string;
  active?: boolean;
  defaultForCrm?: boolean;
  defaultForApi?: boolean;
  paymentComplete?: boolean;
  ordering?: number;
  description?: string;
  /** Replaces the types that may use this status (the link is shown on both sides). */
  paymentTypes?: string[];
}

export class References {
  readonly sites = new Map<string, Site>();
  readonly currencies: Currency[] = [];
  readonly paymentTypes = new Map<string, PaymentType>();
  readonly paymentStatuses = new Map<string, PaymentStatus>();
  /**
   * Which statuses a type may use. UNCERTAIN (reference §5.2) whether editing one side updates the other;
   * the fake keeps one set of links, so `paymentType.paymentStatuses` and `paymentStatus.paymentTypes`
   * always agree.
   */
  private readonly links = new Map<string, Set<string>>();
  private nextSiteId = 1;
  private nextCurrencyId = 1;

  addSite(input: SiteInput): Site {
    if (this.sites.has(input.code)) throw new RangeError(`Site ${input.code} already exists`);
    const site: Site = {
      id: this.nextSiteId++,
      code: input.code,
      name: input.name ?? input.code,
      url: input.url,
      description: input.description,
      currency: input.currency,
      countryIso: input.countryIso,
      language: input.language,
      defaultForCrm: input.defaultForCrm ?? this.sites.size === 0,
      ordering: input.ordering ?? 990,
    };
    this.sites.set(site.code, site);
    return site;
  }

  addCurrency(input: CurrencyInput): Currency {
    if (this.currencies.some((currency) => currency.code === input.code)) {
      throw new RangeError(`Currency ${input.code} already exists`);
    }
    const isBase = input.isBase ?? this.currencies.length === 0;
    if (isBase) for (const currency of this.currencies) currency.isBase = false;
    const currency: Currency = {
      id: this.nextCurrencyId++,
      code: input.code,
      isBase,
      isAutoConvert: input.isAutoConvert ?? false,
      autoConvertExtraPercent: input.autoConvertExtraPercent,
    };
    this.currencies.push(currency);
    return currency;
  }

  /** Makes `code` the base currency (exactly one is base), adding it when the account has none of it. */
  setBaseCurrency(code: string): void {
    if (!this.currencies.some((currency) => currency.code === code)) this.addCurrency({ code });
    for (const currency of this.currencies) currency.isBase = currency.code === code;
  }

  baseCurrency(): string | undefined {
    return this.currencies.find((currency) => currency.isBase)?.code;
  }

  /** Creates or updates (merging the given fields); `created` tells the two apart (201 vs 200, §1.6). */
  putPaymentType(input: PaymentTypeInput): { created: boolean; paymentType: PaymentType } {
    const existing = this.paymentTypes.get(input.code);
    const paymentType: PaymentType = existing ?? {
      code: input.code,
      name: input.name ?? input.code,
      active: true,
      defaultForCrm: false,
      defaultForApi: false,
      deliveryTypes: [],
      sites: [],
    };
    assignDefined(paymentType, {
      name: input.name,
      active: input.active,
      defaultForCrm: input.defaultForCrm,
      defaultForApi: input.defaultForApi,
      description: input.description,
      deliveryTypes: input.deliveryTypes,
      sites: input.sites,
      integrationModule: input.integrationModule,
    });
    this.paymentTypes.set(paymentType.code, paymentType);
    if (input.paymentStatuses) this.links.set(paymentType.code, new Set(input.paymentStatuses));
    return { created: !existing, paymentType };
  }

  putPaymentStatus(input: PaymentStatusInput): { created: boolean; paymentStatus: PaymentStatus } {
    const existing = this.paymentStatuses.get(input.code);
    const paymentStatus: PaymentStatus = existing ?? {
      code: input.code,
      name: input.name ?? input.code,
      active: true,
      defaultForCrm: false,
      defaultForApi: false,
      paymentComplete: false,
      ordering: 990,
    };
    assignDefined(paymentStatus, {
      name: input.name,
      active: input.active,
      defaultForCrm: input.defaultForCrm,
      defaultForApi: input.defaultForApi,
      paymentComplete: input.paymentComplete,
      ordering: input.ordering,
      description: input.description,
    });
    this.paymentStatuses.set(paymentStatus.code, paymentStatus);
    if (input.paymentTypes) {
      for (const [type, statuses] of this.links)
        if (!input.paymentTypes.includes(type)) statuses.delete(input.code);
      for (const type of input.paymentTypes) {
        const statuses = this.links.get(type) ?? new Set<string>();
        statuses.add(input.code);
        this.links.set(type, statuses);
      }
    }
    return { created: !existing, paymentStatus };
  }

  isPaymentComplete(status: string | undefined): boolean {
    return status !== undefined && this.paymentStatuses.get(status)?.paymentComplete === true;
  }

  /**
   * The status a payment gets when the API omits one. UNCERTAIN (reference §4.1): the fake takes the status
   * marked `defaultForApi`, else leaves the payment without a status (the fixture in §3.3 has one such).
   */
  defaultPaymentStatus(): string | undefined {
    for (const status of this.paymentStatuses.values()) if (status.defaultForApi) return status.code;
    return undefined;
  }

  statusesOfType(type: string): string[] {
    return [...(this.links.get(type) ?? [])];
  }

  typesOfStatus(status: string): string[] {
    const types: string[] = [];
    for (const [type, statuses] of this.links) if (statuses.has(status)) types.push(type);
    return types;
  }
}

function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
