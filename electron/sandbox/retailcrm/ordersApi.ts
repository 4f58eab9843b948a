/** GET /api/v5/orders (reference §3.1) and GET /api/v5/orders/{externalId} (§3.2). */
import { visibleSites } from './apiKeys';
import {
  filterObject,
  intList,
  optionalDate,
  optionalString,
  pagination,
  paginationView,
  positiveInt,
  stringList,
} from './encoding';
import { inputErrors, MESSAGE, notFound } from './errors';
import { byParameter, canSee, ok, requestedSite, type Call, type Handlers } from './handler';
import type { Order } from './model';
import { parseHryvnias } from './money';
import { renderOrder } from './orderView';
import type { OrderQuery } from './orderQuery';
import type { Json } from './wire';

/** reference §3.1: at most 100 numbers per request. */
const MAX_NUMBERS_FILTER = 100;

const FILTERS = [
  'ids',
  'numbers',
  'externalIds',
  'sites',
  'paymentTypes',
  'paymentStatuses',
  'extendedStatus',
  'customerId',
  'customerExternalId',
  'createdAtFrom',
  'createdAtTo',
  'paidAtFrom',
  'paidAtTo',
  'fullPaidAtFrom',
  'fullPaidAtTo',
  'minPrepaySumm',
  'maxPrepaySumm',
  'minPrice',
  'maxPrice',
  'email',
  'customer',
] as const;

export const orderHandlers: Handlers = {
  orders: (call) => {
    const { limit, page } = pagination(call.query);
    const query = readOrderQuery(call, filterObject(call.query, FILTERS));
    const result = call.state.orders.query(query, visibleSites(call.apiKey), limit, page);
    return ok({
      pagination: paginationView(limit, page, result.totalCount),
      orders: result.orders.map((order) => renderOrder(order, call.state.view)),
    });
  },

  'orders/{externalId}': (call) => {
    const by = byParameter(call, 'externalId');
    const site = requestedSite(call);
    const id = call.params.id ?? '';
    const { orders } = call.state;
    const order =
      by === 'id' ? (/^\d+$/.test(id) ? orders.get(Number(id)) : undefined) : orders.byExternalIdOf(id);
    if (!order || !visible(call, order, site)) throw notFound();
    return ok({ order: renderOrder(order, call.state.view) });
  },
};

function visible(call: Call, order: Order, site: string | undefined): boolean {
  return canSee(call, order.site) && (site === undefined || order.site === site);
}

function readOrderQuery(call: Call, filter: Json): OrderQuery {
  const key = (name: string) => `children[${name}]`;
  const amount = (name: (typeof FILTERS)[number]) => {
    const value = filter[name];
    if (value === undefined) return undefined;
    const kop = parseHryvnias(value);
    if (kop === undefined) throw inputErrors({ [key(name)]: MESSAGE.invalid });
    return kop;
  };
  const numbers = stringList(filter.numbers, key('numbers'));
  if (numbers && numbers.length > MAX_NUMBERS_FILTER)
    throw inputErrors({ [key('numbers')]: MESSAGE.invalid });
  const email = optionalString(filter.email, key('email'));
  if (email !== undefined && email.length > 255) throw inputErrors({ [key('email')]: MESSAGE.invalid });

  let customerId =
    filter.customerId === undefined ? undefined : positiveInt(filter.customerId, key('customerId'));
  const customerExternalId = optionalString(filter.customerExternalId, key('customerExternalId'));
  if (customerExternalId !== undefined) {
    const found = call.state.customers.byExternalIdOf(customerExternalId)?.id ?? 0;
    customerId = customerId === undefined || customerId === found ? found : 0;
  }
  const query: OrderQuery = {
    ids: intList(filter.ids, key('ids')),
    numbers,
    externalIds: stringList(filter.externalIds, key('externalIds')),
    sites: stringList(filter.sites, key('sites')),
    paymentTypes: stringList(filter.paymentTypes, key('paymentTypes')),
    paymentStatuses: stringList(filter.paymentStatuses, key('paymentStatuses')),
    extendedStatus: stringList(filter.extendedStatus, key('extendedStatus')),
    customerId,
    createdAtFrom: optionalDate(filter.createdAtFrom, key('createdAtFrom')),
    createdAtTo: optionalDate(filter.createdAtTo, key('createdAtTo')),
    paidAtFrom: optionalDate(filter.paidAtFrom, key('paidAtFrom')),
    paidAtTo: optionalDate(filter.paidAtTo, key('paidAtTo')),
    fullPaidAtFrom: optionalDate(filter.fullPaidAtFrom, key('fullPaidAtFrom')),
    fullPaidAtTo: optionalDate(filter.fullPaidAtTo, key('fullPaidAtTo')),
    minPrepaySumm: amount('minPrepaySumm'),
    maxPrepaySumm: amount('maxPrepaySumm'),
    minPrice: amount('minPrice'),
    maxPrice: amount('maxPrice'),
    email: email || undefined,
    customer: optionalString(filter.customer, key('customer')) || undefined,
  };
  return query;
}
