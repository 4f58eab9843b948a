/**
 * Reference books over HTTP (reference §5): payment types and statuses keyed by code, with create-or-update
 * edits (201 when created, 200 when updated, §1.6); sites keyed by code; currencies as an array.
 */
import { isObject, jsonField } from './encoding';
import { entityErrors, MESSAGE } from './errors';
import { apiActor, canSee, ok, type Handlers } from './handler';
import type { PaymentStatus, PaymentType, Site } from './model';
import type { References } from './references';
import { omitEmpty, type Json } from './wire';

export const referenceHandlers: Handlers = {
  'reference/payment-types': (call) => {
    const { refs } = call.state;
    return ok({
      paymentTypes: keyed([...refs.paymentTypes.values()], (type) => renderPaymentType(type, refs)),
    });
  },

  'reference/payment-statuses': (call) => {
    const { refs } = call.state;
    return ok({
      paymentStatuses: keyed([...refs.paymentStatuses.values()], (status) =>
        renderPaymentStatus(status, refs),
      ),
    });
  },

  // UNCERTAIN: a key limited to some stores is shown only those stores.
  'reference/sites': (call) =>
    ok({
      sites: keyed(
        [...call.state.refs.sites.values()].filter((site) => canSee(call, site.code)),
        renderSite,
      ),
    }),

  'reference/currencies': (call) =>
    ok({
      currencies: call.state.refs.currencies.map((currency) =>
        omitEmpty({
          id: currency.id,
          code: currency.code,
          isBase: currency.isBase,
          isAutoConvert: currency.isAutoConvert,
          autoConvertExtraPercent: currency.autoConvertExtraPercent,
        }),
      ),
    }),

  'reference/payment-types/{code}/edit': (call) => {
    const json = jsonField(call.fields, 'paymentType');
    const code = call.params.code ?? '';
    const existing = call.state.refs.paymentTypes.get(code);
    const read = new FieldReader(json);
    const input = {
      code,
      name: read.text('name', !existing),
      active: read.flag('active'),
      defaultForCrm: read.flag('defaultForCrm'),
      defaultForApi: read.flag('defaultForApi'),
      description: read.text('description'),
      deliveryTypes: read.codes('deliveryTypes', () => true),
      sites: read.codes('sites', (site) => call.state.refs.sites.has(site)),
      paymentStatuses: read.codes('paymentStatuses', (status) => call.state.refs.paymentStatuses.has(status)),
    };
    read.done();
    const { created } = call.state.putPaymentType(input);
    return ok({}, created ? 201 : 200);
  },

  'reference/payment-statuses/{code}/edit': (call) => {
    const json = jsonField(call.fields, 'paymentStatus');
    const code = call.params.code ?? '';
    const existing = call.state.refs.paymentStatuses.get(code);
    const read = new FieldReader(json);
    const input = {
      code,
      name: read.text('name', !existing),
      active: read.flag('active'),
      defaultForCrm: read.flag('defaultForCrm'),
      defaultForApi: read.flag('defaultForApi'),
      paymentComplete: read.flag('paymentComplete'),
      ordering: read.integer('ordering'),
      description: read.text('description'),
      paymentTypes: read.codes('paymentTypes', (type) => call.state.refs.paymentTypes.has(type)),
    };
    read.done();
    const { created } = call.state.putPaymentStatus(input, apiActor(call));
    return ok({}, created ? 201 : 200);
  },
};

/** Reads an entity's fields, collecting Symfony-style errors to answer them all at once. */
class FieldReader {
  private readonly errors: Record<string, string> = {};

  constructor(private readonly json: Json) {}

  text(name: string, required = false): string | undefined {
    const value = this.json[name];
    if (value === undefined || value === '') {
      if (required) this.errors[name] = MESSAGE.blank;
      return undefined;
    }
    if (typeof value !== 'string') this.errors[name] = MESSAGE.invalid;
    return typeof value === 'string' ? value : undefined;
  }

  flag(name: string): boolean | undefined {
    const value = this.json[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.errors[name] = MESSAGE.invalid;
    return typeof value === 'boolean' ? value : undefined;
  }

  integer(name: string): number | undefined {
    const value = this.json[name];
    if (value === undefined) return undefined;
    if (!Number.isSafeInteger(value)) this.errors[name] = MESSAGE.invalid;
    return Number.isSafeInteger(value) ? (value as number) : undefined;
  }

  codes(name: string, exists: (code: string) => boolean): string[] | undefined {
    const value = this.json[name];
    if (value === undefined) return undefined;
    const list = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
    if (!list || !list.every((item) => typeof item === 'string' && exists(item))) {
      this.errors[name] = MESSAGE.invalid;
      return undefined;
    }
    return list as string[];
  }

  done(): void {
    if (Object.keys(this.errors).length > 0) throw entityErrors(this.errors);
  }
}

function keyed<T extends { code: string }>(items: T[], render: (item: T) => Json): Json {
  const result: Json = {};
  for (const item of items) result[item.code] = render(item);
  return result;
}

function renderPaymentType(type: PaymentType, refs: References): Json {
  return omitEmpty({
    name: type.name,
    code: type.code,
    active: type.active,
    defaultForCrm: type.defaultForCrm,
    defaultForApi: type.defaultForApi,
    description: type.description,
    deliveryTypes: type.deliveryTypes,
    paymentStatuses: refs.statusesOfType(type.code),
    sites: type.sites.length > 0 ? type.sites : undefined,
    integrationModule: type.integrationModule,
  });
}

function renderPaymentStatus(status: PaymentStatus, refs: References): Json {
  return omitEmpty({
    name: status.name,
    code: status.code,
    active: status.active,
    defaultForCrm: status.defaultForCrm,
    defaultForApi: status.defaultForApi,
    paymentComplete: status.paymentComplete,
    ordering: status.ordering,
    description: status.description,
    paymentTypes: refs.typesOfStatus(status.code),
  });
}

function renderSite(site: Site): Json {
  return omitEmpty({
    id: site.id,
    code: site.code,
    name: site.name,
    url: site.url,
    description: site.description,
    currency: site.currency,
    countryIso: site.countryIso,
    language: site.language,
    defaultForCrm: site.defaultForCrm,
    ordering: site.ordering,
  });
}
