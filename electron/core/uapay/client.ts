import axios, { type AxiosInstance } from 'axios';
import PQueue from 'p-queue';
import type { Kopiyky } from '../../shared/money';
import { DeskFailure, NetworkError, networkFailure } from '../errors';
import { kyivDateTime } from '../kyivTime';
import { signRequest, readReply } from './envelope';
import { isSessionError, UapayError } from './errors';
import {
  invoiceCreatedReply,
  invoiceListReply,
  invoiceReply,
  parseReply,
  paymentIdReply,
  paymentReply,
  sessionReply,
  type UapayInvoice,
  type UapayPayment,
} from './replies';

export const UAPAY_BASE_URLS = {
  production: 'https://api.uapay.ua',
  test: 'https://api.demo.uapay.ua',
} as const;

export type UapayEnvironment = keyof typeof UAPAY_BASE_URLS;

export interface MerchantCredentials {
  /** Our merchant id, carried into errors so the UI can name the merchant. */
  merchantId?: string;
  clientId: string;
  secretKey: string;
  environment: UapayEnvironment;
  /** Overrides the environment's host: the sandbox in tests and Demo mode. */
  baseUrl?: string;
}

export interface UapayClientOptions {
  timeoutMs?: number;
  now?: () => number;
  /** Reference §3.1: "refresh the session at least once a day". */
  sessionMaxAgeMs?: number;
  /** Calls of this merchant in flight at once (default UAPAY_CALLS_IN_FLIGHT). */
  concurrency?: number;
}

/**
 * UNCERTAIN (reference §6.2: UAPAY documents no rate limit): at most this many calls per merchant
 * at a time, so a bulk run of hundreds of payments reaches UAPAY as a steady stream, not a burst.
 */
export const UAPAY_CALLS_IN_FLIGHT = 4;

/** Reference §3.4: at most 100 ids per invoices/show/list. */
export const SHOW_LIST_LIMIT = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreateInvoiceInput {
  type: 'PAY' | 'HOLD';
  amount: Kopiyky;
  externalId: string;
  description: string;
  redirectUrl?: string;
  callbackUrl?: string;
  email?: string;
  /** Sent as a JSON string (reference §3.2). */
  extraInfo?: Record<string, unknown>;
  payExpiresAt?: Date;
}

export interface PaymentRef {
  invoiceId: string;
  paymentId: string;
}

/**
 * One merchant's connection to UAPAY: every call signed, every reply verified, the session kept
 * and renewed. It does not retry money calls: whether a capture happened after a failure is for
 * the caller to find out with invoices/show.
 */
export class UapayClient {
  private readonly http: AxiosInstance;
  private readonly now: () => number;
  private readonly slots: PQueue;
  private session?: { id: string; createdAt: number };

  constructor(
    private readonly merchant: MerchantCredentials,
    private readonly options: UapayClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.slots = new PQueue({ concurrency: options.concurrency ?? UAPAY_CALLS_IN_FLIGHT });
    this.http = axios.create({
      baseURL: `${(merchant.baseUrl ?? UAPAY_BASE_URLS[merchant.environment]).replace(/\/+$/, '')}/api/`,
      timeout: options.timeoutMs ?? 30_000,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      // Reference §1: the HTTP status of errors is not documented; the body decides.
      validateStatus: () => true,
      maxRedirects: 0,
    });
  }

  /** Proves the client id and key work by opening a session (reference §3.1). */
  async checkConnection(): Promise<void> {
    this.session = undefined;
    await this.sessionId();
  }

  async createInvoice(input: CreateInvoiceInput) {
    const data = {
      externalId: input.externalId,
      type: input.type,
      amount: input.amount,
      description: input.description,
      reusability: false,
      ...(input.redirectUrl && { redirectUrl: input.redirectUrl }),
      ...(input.callbackUrl && { callbackUrl: input.callbackUrl }),
      ...(input.email && { email: input.email }),
      ...(input.extraInfo && { extraInfo: JSON.stringify(input.extraInfo) }),
      ...(input.payExpiresAt && { payExpiresAt: kyivDateTime(input.payExpiresAt) }),
    };
    const fields = await this.call('invoicer/invoices/create', { systemType: 'ECOM' }, data);
    return parseReply(invoiceCreatedReply, fields, 'invoices/create');
  }

  async showInvoice(id: string): Promise<UapayInvoice> {
    return parseReply(invoiceReply, await this.call('invoicer/invoices/show', { id }), 'invoices/show');
  }

  /** Any number of invoices, fetched 100 at a time. */
  async showInvoices(ids: readonly string[]): Promise<UapayInvoice[]> {
    const out: UapayInvoice[] = [];
    for (let i = 0; i < ids.length; i += SHOW_LIST_LIMIT) {
      const fields = await this.call('invoicer/invoices/show/list', {
        ids: ids.slice(i, i + SHOW_LIST_LIMIT),
      });
      out.push(...parseReply(invoiceListReply, fields, 'invoices/show/list').invoices);
    }
    return out;
  }

  /** Invoices made with these merchant ids (`externalId`; more than one invoice may share one). */
  async showInvoicesByExternalId(externalIds: readonly string[]): Promise<UapayInvoice[]> {
    const out: UapayInvoice[] = [];
    for (let i = 0; i < externalIds.length; i += SHOW_LIST_LIMIT) {
      const batch = externalIds.slice(i, i + SHOW_LIST_LIMIT);
      const fields = await this.call('invoicer/invoices/show/list', { externalIds: batch });
      out.push(...parseReply(invoiceListReply, fields, 'invoices/show/list').invoices);
    }
    return out;
  }

  async showPayment(paymentId: string): Promise<UapayPayment> {
    return parseReply(
      paymentReply,
      await this.call('invoicer/payments/show', { paymentId }),
      'payments/show',
    );
  }

  /** Reference §3.7: a smaller capture amount goes in `params`. */
  async complete(ref: PaymentRef, amount?: Kopiyky): Promise<void> {
    const fields = await this.call('invoicer/payments/complete', {
      ...ref,
      ...(amount !== undefined && { amount }),
    });
    parseReply(paymentIdReply, fields, 'payments/complete');
  }

  async cancel(ref: PaymentRef): Promise<void> {
    parseReply(paymentIdReply, await this.call('invoicer/payments/cancel', { ...ref }), 'payments/cancel');
  }

  /** Reference §3.9: a partial refund amount goes in `data` (unlike complete); none = the rest. */
  async reverse(ref: PaymentRef, amount?: Kopiyky): Promise<void> {
    const data = amount !== undefined ? { amount } : undefined;
    parseReply(
      paymentIdReply,
      await this.call('invoicer/payments/reverse', { ...ref }, data),
      'payments/reverse',
    );
  }

  /** Signs and posts one call with a session; an expired session is renewed and the call sent again once. */
  private async call(
    method: string,
    params: Record<string, unknown>,
    data?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const sessionId = await this.sessionId();
    try {
      return await this.post(method, { sessionId, ...params }, data);
    } catch (error) {
      // A session error means UAPAY did not run the call, so sending it again is safe.
      if (!isSessionError(error)) throw error;
      this.session = undefined;
      return this.post(method, { sessionId: await this.sessionId(), ...params }, data);
    }
  }

  private async sessionId(): Promise<string> {
    const maxAge = this.options.sessionMaxAgeMs ?? DAY_MS;
    if (this.session && this.now() - this.session.createdAt < maxAge) return this.session.id;
    const fields = await this.post('sessions/create', { clientId: this.merchant.clientId });
    const { id } = parseReply(sessionReply, fields, 'sessions/create');
    this.session = { id, createdAt: this.now() };
    return id;
  }

  private async post(
    method: string,
    params: Record<string, unknown>,
    data?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    // Signed once a slot is free: `iat` must be within 20 s of UAPAY's clock (reference §2.4).
    const response = await this.slots.add(async () => {
      const envelope = await signRequest(this.merchant.secretKey, params, data, this.now());
      try {
        return await this.http.post(method, envelope);
      } catch (error) {
        throw networkFailure('uapay', error);
      }
    });
    const isJson = typeof response.data === 'object' && response.data !== null;
    if (!isJson && response.status >= 500) {
      throw new NetworkError('uapay', 'server', `UAPAY answered HTTP ${response.status}.`, {
        status: response.status,
      });
    }
    try {
      return await readReply(this.merchant.secretKey, response.data);
    } catch (error) {
      if (error instanceof UapayError && this.merchant.merchantId) {
        throw new UapayError(error.code, error.info.message, error.info.fields, this.merchant.merchantId);
      }
      throw error instanceof DeskFailure ? error : networkFailure('uapay', error);
    }
  }
}
