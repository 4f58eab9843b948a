/**
 * RetailCRM's wire encoding (reference §1.4): GET parameters as bracket queries in both the `[]` form (Go) and
 * the `[n]` form (PHP http_build_query); POST as form fields (urlencoded or multipart) where a nested entity
 * is one field holding a JSON string.
 */
import qs from 'qs';
import { entityErrors, inputErrors, MESSAGE, missingParameter } from './errors';
import { isDate } from './time';
import type { Json } from './wire';

/** Allowed `limit` values of list methods (reference §1.8); anything else is a 400. */
const PAGE_LIMITS = [20, 50, 100] as const;
const DEFAULT_LIMIT = 20;

export function parseQuery(text: string): Json {
  // A high arrayLimit keeps `filter[numbers][99]=…` an array (qs turns large indexes into object keys).
  return qs.parse(text, { arrayLimit: 10_000, parameterLimit: 10_000, depth: 5 }) as Json;
}

/** A form body (urlencoded parsed by qs, or multipart key-values) → its fields; anything else → none. */
export function formFields(body: unknown): Json {
  return body !== null && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Json) : {};
}

/** `x[]=a&x[]=b`, `x[0]=a&x[1]=b` (or a single `x=a`) → ['a', 'b']. Nested values are invalid. */
export function stringList(value: unknown, errorKey: string): string[] | undefined {
  if (value === undefined) return undefined;
  const values =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value
        : isObject(value)
          ? Object.values(value)
          : null;
  if (!values || values.some((item) => typeof item !== 'string'))
    throw inputErrors({ [errorKey]: MESSAGE.invalid });
  return values as string[];
}

export function intList(value: unknown, errorKey: string): number[] | undefined {
  return stringList(value, errorKey)?.map((item) => positiveInt(item, errorKey));
}

export function positiveInt(value: unknown, errorKey: string): number {
  if (
    typeof value !== 'string' ||
    !/^\d+$/.test(value) ||
    Number(value) < 1 ||
    !Number.isSafeInteger(Number(value))
  ) {
    throw inputErrors({ [errorKey]: MESSAGE.invalid });
  }
  return Number(value);
}

export function optionalString(value: unknown, errorKey: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw inputErrors({ [errorKey]: MESSAGE.invalid });
  return value;
}

export function optionalDate(value: unknown, errorKey: string): string | undefined {
  const text = optionalString(value, errorKey);
  if (text !== undefined && !isDate(text)) throw inputErrors({ [errorKey]: MESSAGE.invalid });
  return text;
}

/** `limit` ∈ {20, 50, 100} (default 20), `page` ≥ 1 (default 1); reference §1.8. */
export function pagination(
  query: Json,
  defaultLimit: number = DEFAULT_LIMIT,
): { limit: number; page: number } {
  let limit = defaultLimit;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (typeof query.limit !== 'string' || !(PAGE_LIMITS as readonly number[]).includes(limit)) {
      throw inputErrors({ limit: MESSAGE.choice });
    }
  }
  let page = 1;
  if (query.page !== undefined) {
    if (typeof query.page !== 'string' || !/^-?\d+$/.test(query.page) || Number(query.page) < 1) {
      throw inputErrors({ page: MESSAGE.positive });
    }
    page = Number(query.page);
  }
  return { limit, page };
}

export function paginationView(limit: number, page: number, totalCount: number): Json {
  return { limit, totalCount, currentPage: page, totalPageCount: Math.ceil(totalCount / limit) };
}

/** The `filter` object of a GET; unknown keys are refused like a Symfony form's extra fields. */
export function filterObject(query: Json, known: readonly string[]): Json {
  const filter = query.filter;
  if (filter === undefined || filter === '') return {};
  if (!isObject(filter)) throw inputErrors({ filter: MESSAGE.invalid });
  const extra = Object.keys(filter).filter((key) => !known.includes(key));
  if (extra.length > 0) throw inputErrors({ filter: `${MESSAGE.extraFields} (${extra.join(', ')})` });
  return filter;
}

/**
 * A POST field holding a JSON object (`payment={...}`). Missing → "Parameter 'x' is missing"; not JSON or
 * not an object → 400 "Errors in the entity format". UNCERTAIN: the real `errors` text for bad JSON.
 */
export function jsonField(fields: Json, name: string): Json {
  const raw = fields[name];
  if (raw === undefined || raw === '') throw missingParameter(name);
  if (typeof raw !== 'string') throw entityErrors({ [name]: MESSAGE.invalid });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw entityErrors({ [name]: 'Invalid JSON.' });
  }
  if (!isObject(parsed)) throw entityErrors({ [name]: MESSAGE.invalid });
  return parsed;
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
