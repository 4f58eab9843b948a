import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type PQueue from 'p-queue';
import qs from 'qs';
import { NetworkError, networkFailure } from '../errors';
import { log } from '../log';
import { MESSAGES, readErrors, RetailCrmError } from './errors';
import { createRetailCrmLimiter } from './limiter';

export interface RetailCrmClientOptions {
  /** The account origin from `accountOrigin()`, e.g. https://shop.retailcrm.ru */
  origin: string;
  apiKey: string;
  /** Shared by every client of the app: the limit is per account, not per caller. */
  limiter?: PQueue;
  timeoutMs?: number;
  /** Attempts for a retryable failure, the first included. */
  attempts?: number;
  /** Base of the exponential backoff; tests make it small. */
  backoffMs?: number;
}

export interface CallOptions {
  /**
   * The call may be sent again after a timeout or a lost connection: reads, and writes that set a
   * value rather than add one (a payment edit). A 503 is retried for every call: RetailCRM answers
   * it before doing anything (rate limit, reference §1.7).
   */
  idempotent?: boolean;
  /**
   * Ahead of waiting calls (the limiter's priority, LANE): the payment lock's read and claim must
   * land within a second or two of each other (payments/lease.ts), which a queue of a bulk run's
   * calls at 10 a second would never allow; a claim goes before other locks' reads.
   */
  lane?: keyof typeof LANE;
  /** Called each time the request actually leaves (after the limiter's wait), retries included. */
  onSend?: () => void;
}

export const LANE = { normal: 0, lockRead: 1, lockClaim: 2 } as const;

export type Query = Record<string, unknown>;
export type Form = Record<string, string | number | boolean | object | undefined>;

/**
 * RetailCRM API v5 over HTTP: the key in X-API-KEY, bracket queries for GET, form-encoded POSTs
 * whose nested values are JSON strings (reference §1.4), the `success` envelope, typed errors
 * that keep `errorMsg`, the account's rate limit and retries where they are safe.
 */
export class RetailCrmClient {
  private readonly http: AxiosInstance;
  private readonly limiter: PQueue;

  constructor(private readonly options: RetailCrmClientOptions) {
    this.limiter = options.limiter ?? createRetailCrmLimiter();
    this.http = axios.create({
      baseURL: `${options.origin}/api/`,
      timeout: options.timeoutMs ?? 30_000,
      headers: { 'X-API-KEY': options.apiKey, Accept: 'application/json' },
      validateStatus: () => true,
      maxRedirects: 0,
      paramsSerializer: (params) => qs.stringify(params, { arrayFormat: 'brackets', encodeValuesOnly: true }),
    });
  }

  /** GET `path` (relative to /api/, e.g. `v5/orders` or `credentials`). Reads are always retried. */
  get<T = Record<string, unknown>>(path: string, query: Query = {}, options: CallOptions = {}): Promise<T> {
    return this.send<T>(() => this.http.get(path, { params: query }), path, { ...options, idempotent: true });
  }

  /** POST form fields; objects become JSON strings (`payment={"amount":…}`). */
  post<T = Record<string, unknown>>(path: string, form: Form, options: CallOptions = {}): Promise<T> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      if (value !== undefined)
        body.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    return this.send<T>(
      () =>
        this.http.post(path, body.toString(), {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        }),
      path,
      options,
    );
  }

  private async send<T>(
    request: () => Promise<AxiosResponse>,
    path: string,
    options: CallOptions,
  ): Promise<T> {
    const attempts = this.options.attempts ?? 5;
    const backoff = this.options.backoffMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.limiter.add(
          async () => {
            options.onSend?.();
            try {
              return await request();
            } catch (error) {
              throw networkFailure('retailcrm', error);
            }
          },
          { priority: LANE[options.lane ?? 'normal'] },
        );
        return read<T>(response);
      } catch (error) {
        const retryable =
          (error instanceof NetworkError && error.info.reason === 'rate_limited') ||
          (error instanceof NetworkError && options.idempotent === true);
        if (!retryable) throw error;
        if (attempt >= attempts) throw gaveUp(error as NetworkError, attempts);
        const delay = backoff * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);
        log.debug('retailcrm: retrying', {
          path,
          attempt,
          reason: (error as NetworkError).info.reason,
          delay,
        });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

/** The last failure of a retried call, saying that it was retried and what to do. */
function gaveUp(error: NetworkError, attempts: number): NetworkError {
  if (error.info.reason !== 'rate_limited') return error;
  return new NetworkError(
    'retailcrm',
    'rate_limited',
    `RetailCRM kept answering "too many requests" (HTTP ${error.info.status ?? 503}) after ${attempts} attempts. ` +
      'Wait a minute and try again.',
    { status: error.info.status ?? 503, cause: error },
  );
}

function read<T>(response: AxiosResponse): T {
  const { status, data } = response;
  if (status === 503 || status === 429) {
    throw new NetworkError('retailcrm', 'rate_limited', `RetailCRM is limiting requests (HTTP ${status}).`, {
      status,
    });
  }
  // A gateway's error page (502, 504, a 500 without the envelope): the account may be fine.
  const isEnvelope = typeof data === 'object' && data !== null && typeof data.success === 'boolean';
  if (status >= 500 && !(isEnvelope && typeof data.errorMsg === 'string')) {
    throw new NetworkError('retailcrm', 'server', `RetailCRM answered HTTP ${status}.`, { status });
  }
  // An account that does not exist answers with an HTML page (reference §1.6).
  if (typeof data === 'string' && /^\s*</.test(data)) {
    throw new RetailCrmError(status, MESSAGES.accountMissing);
  }
  if (!isEnvelope) {
    throw new RetailCrmError(status, `${MESSAGES.notApi} (HTTP ${status}).`);
  }
  const body = data as Record<string, unknown>;
  if (body.success === true && status < 400) return body as T;
  throw new RetailCrmError(status, String(body.errorMsg ?? `HTTP ${status}`), readErrors(body.errors));
}
