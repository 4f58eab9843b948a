/**
 * GET /api/v5/orders/history (reference §10): a cursor feed. `filter[sinceId]` is exclusive and answers the
 * records after it in ascending id order, page 1 of what remains; `page` together with `sinceId` is a 400
 * since 15 May 2023 (§10.2).
 */
import { visibleSites } from './apiKeys';
import { filterObject, optionalString, pagination, paginationView } from './encoding';
import { ApiError, inputErrors, MESSAGE } from './errors';
import { ok, type Handlers } from './handler';
import { renderHistoryEntry, type HistoryFilter } from './history';
import { isDate, isDateTime } from './time';

/** UNCERTAIN (§10.2): the error text is a third-party report [F1]; the envelope is the usual one. */
const SINCE_ID_WITH_PAGE = 'Use the shift of the `filter[sinceId]` instead of `page` parameter';
/** UNCERTAIN (§10.1): the server default when no `limit` is sent; the list default (§1.8) is used. */
const HISTORY_DEFAULT_LIMIT = 20;
/**
 * UNCERTAIN (§10.1): clients send `Y-m-d H:i:s`; a Python mock sends `Y-m-d`. The fake accepts both, taking a
 * bare date as the start (for startDate) or the end (for endDate) of that day.
 */
const HISTORY_ACCEPTS_BARE_DATES = true;

export const historyHandlers: Handlers = {
  'orders/history': (call) => {
    const filter = filterObject(call.query, [
      'sinceId',
      'startDate',
      'endDate',
      'orderId',
      'orderExternalId',
    ]);
    if (filter.sinceId !== undefined && call.query.page !== undefined)
      throw new ApiError(400, SINCE_ID_WITH_PAGE);
    const { limit, page } = pagination(call.query, HISTORY_DEFAULT_LIMIT);
    const wanted: HistoryFilter = {
      sinceId: cursor(filter.sinceId, 'children[sinceId]'),
      startDate: windowBound(filter.startDate, 'startDate', ' 00:00:00'),
      endDate: windowBound(filter.endDate, 'endDate', ' 23:59:59'),
      orderId: cursor(filter.orderId, 'children[orderId]'),
    };
    const orderExternalId = optionalString(filter.orderExternalId, 'children[orderExternalId]');
    if (orderExternalId !== undefined) {
      const id = call.state.orders.byExternalIdOf(orderExternalId)?.id ?? 0;
      wanted.orderId = wanted.orderId === undefined || wanted.orderId === id ? id : 0;
    }
    const result = call.state.history.query(wanted, visibleSites(call.apiKey), limit, page);
    return ok({
      generatedAt: call.state.time.now(),
      history: result.records.map((entry) => renderHistoryEntry(entry, call.apiKey.key)),
      pagination: paginationView(limit, page, result.totalCount),
    });
  },
};

function cursor(value: unknown, errorKey: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw inputErrors({ [errorKey]: MESSAGE.invalid });
  }
  return Number(value);
}

function windowBound(value: unknown, name: string, bareDateTime: string): string | undefined {
  const text = optionalString(value, `children[${name}]`);
  if (text === undefined) return undefined;
  if (isDateTime(text)) return text;
  if (HISTORY_ACCEPTS_BARE_DATES && isDate(text)) return text + bareDateTime;
  throw inputErrors({ [`children[${name}]`]: MESSAGE.invalid });
}
