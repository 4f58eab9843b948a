import axios, { type AxiosInstance } from 'axios';
import PQueue from 'p-queue';
import type { Kopiyky } from '../../shared/money';
import { DeskFailure, NetworkError, networkFailure } from '../errors';
import { kyivDateTime } from '../kyivTime';
import { log } from '../log';
import { signRequest, readReply, type Reply } from './envelope';
import { isLocalCode, isSessionError, LOCAL_CODES, UapayError } from './errors';
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
  /** Reference §3.1: "refresh the session at least once a day"; default SESSION_MAX_AGE_MS. */
  sessionMaxAgeMs?: number;
  /** Calls of this merchant in flight at once (default UAPAY_CALLS_IN_FLIGHT). */
  concurrency?: number;
}

/**
 * UNCERTAIN (reference §6.2: UAPAY documents no rate limit): at most this many calls per merchant
 * at a time, so a bulk run of hundreds of payments reaches UAPAY as a steady stream, not a burst.
 */
const UAPAY_CALLS_IN_FLIGHT = 4;

/** Reference §3.4: at most 100 ids per invoices/show/list. */
const SHOW_LIST_LIMIT = 100;
/**
 * UNCERTAIN (reference §3.1, §8.3): the session lifetime is undocumented ("at least once a day"),
 * and so is the error an expired one gets. Renewing well inside any plausible lifetime keeps a
 * money call from meeting an expired session under a code we could not recognise.
 */
const SESSION_MAX_AGE_MS = 30 * 60 * 1000;

/**
 * What a money call (complete, cancel, reverse) tells. `signed`: UAPAY's signed success for this
 * very call, the only proof; anything less is looked up (invoices/show) before money is decided.
 */
export interface MoneyReply {
  signed: boolean;
}

/**
 * A signed reply older than this, by its own `iat`, before the call was made, is not the call's
 * answer (a replay of an earlier one). UAPAY refuses a request more than 20 s off its clock
 * (§2.4), so a genuine answer is never this far behind ours.
 */
const REPLY_MAX_LAG_S = 60;

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
    const { fields } = await this.call('invoicer/invoices/create', { systemType: 'ECOM' }, data, 'create');
    return parseReply(invoiceCreatedReply, fields, 'invoices/create');
  }

  async showInvoice(id: string): Promise<UapayInvoice> {
    const { fields } = await this.call('invoicer/invoices/show', { id });
    return parseReply(invoiceReply, fields, 'invoices/show');
  }

  /** Any number of invoices, fetched 100 at a time. */
  async showInvoices(ids: readonly string[]): Promise<UapayInvoice[]> {
    return this.showList('ids', ids);
  }

  /** Invoices made with these merchant ids (`externalId`; more than one invoice may share one). */
  async showInvoicesByExternalId(externalIds: readonly string[]): Promise<UapayInvoice[]> {
    return this.showList('externalIds', externalIds);
  }

  /**
   * invoices/show/list, 100 at a time. UNCERTAIN (reference §3.4: the list's field table is cut
   * short): an item without `payments[]` or `extraInfo` is only a summary, so that invoice is read
   * whole with invoices/show.
   */
  private async showList(by: 'ids' | 'externalIds', keys: readonly string[]): Promise<UapayInvoice[]> {
    const out: UapayInvoice[] = [];
    for (let i = 0; i < keys.length; i += SHOW_LIST_LIMIT) {
      const { fields } = await this.call('invoicer/invoices/show/list', {
        [by]: keys.slice(i, i + SHOW_LIST_LIMIT),
      });
      const { invoices } = parseReply(invoiceListReply, fields, 'invoices/show/list');
      const raw = Array.isArray(fields.invoices) ? (fields.invoices as unknown[]) : [];
      for (const [index, invoice] of invoices.entries()) {
        const item = raw[index] as Record<string, unknown> | undefined;
        const whole = !!item && Array.isArray(item.payments) && 'extraInfo' in item;
        out.push(whole ? invoice : await this.showInvoice(invoice.id));
      }
    }
    return out;
  }

  async showPayment(paymentId: string): Promise<UapayPayment> {
    const { fields } = await this.call('invoicer/payments/show', { paymentId });
    return parseReply(paymentReply, fields, 'payments/show');
  }

  /** Reference §3.7: a smaller capture amount goes in `params`. */
  async complete(ref: PaymentRef, amount?: Kopiyky): Promise<MoneyReply> {
    const sentAt = this.now();
    const reply = await this.call(
      'invoicer/payments/complete',
      { ...ref, ...(amount !== undefined && { amount }) },
      undefined,
      'money',
    );
    return this.moneyReply(reply, ref, sentAt, 'payments/complete');
  }

  async cancel(ref: PaymentRef): Promise<MoneyReply> {
    const sentAt = this.now();
    const reply = await this.call('invoicer/payments/cancel', { ...ref }, undefined, 'money');
    return this.moneyReply(reply, ref, sentAt, 'payments/cancel');
  }

  /** Reference §3.9: a partial refund amount goes in `data` (unlike complete); none = the rest. */
  async reverse(ref: PaymentRef, amount?: Kopiyky): Promise<MoneyReply> {
    const sentAt = this.now();
    const data = amount !== undefined ? { amount } : undefined;
    const reply = await this.call('invoicer/payments/reverse', { ...ref }, data, 'money');
    return this.moneyReply(reply, ref, sentAt, 'payments/reverse');
  }

  /**
   * A signed reply is this call's proof only when it names the payment sent (§3.7–3.9: the reply
   * carries `data.paymentId`) and is no older than the call: a genuine signed reply of another
   * call, replayed, proves nothing. Such a reply is treated as unclear, and UAPAY is asked.
   */
  private moneyReply(reply: Reply, ref: PaymentRef, sentAt: number, method: string): MoneyReply {
    const { paymentId } = parseReply(paymentIdReply, reply.fields, method);
    const fresh = reply.issuedAt === undefined || reply.issuedAt >= sentAt / 1000 - REPLY_MAX_LAG_S;
    const own = reply.signed && paymentId === ref.paymentId && fresh;
    if (reply.signed && !own)
      log.warn('uapay: a signed reply that is not this call’s answer; asking UAPAY instead', {
        method,
        namesPayment: paymentId === ref.paymentId,
        fresh,
      });
    return { signed: own };
  }

  /**
   * Signs and posts one call with a session. UNCERTAIN (reference §8.3): the code UAPAY gives an
   * expired session is undocumented. A read refused for any reason is sent once more on a fresh
   * session (reading twice is harmless). A money call or an invoice creation is sent again only
   * when the refusal was the session's: its code names the session, or a harmless read on the same
   * session is refused with the same code (then UAPAY ran neither).
   */
  private async call(
    method: string,
    params: Record<string, unknown>,
    data?: Record<string, unknown>,
    effect: 'read' | 'create' | 'money' = 'read',
  ): Promise<Reply> {
    const sessionId = await this.sessionId();
    try {
      return await this.post(method, { sessionId, ...params }, data);
    } catch (error) {
      if (!(error instanceof UapayError) || isLocalCode(error.code)) throw error;
      const sessionsFault =
        effect === 'read' ||
        isSessionError(error) ||
        (await this.refusesSession(sessionId, error, params, data));
      this.session = undefined;
      if (!sessionsFault) throw error;
      return this.post(method, { sessionId: await this.sessionId(), ...params }, data);
    }
  }

  /** Whether a harmless read on this session meets the same refusal: the session is what is refused. */
  private async refusesSession(
    sessionId: string,
    refusal: UapayError,
    params: Record<string, unknown>,
    data?: Record<string, unknown>,
  ): Promise<boolean> {
    const probe =
      typeof params.invoiceId === 'string'
        ? { method: 'invoicer/invoices/show', params: { sessionId, id: params.invoiceId } }
        : {
            method: 'invoicer/invoices/show/list',
            params: { sessionId, externalIds: [String(data?.externalId ?? '')] },
          };
    try {
      await this.post(probe.method, probe.params);
      return false;
    } catch (error) {
      return error instanceof UapayError && error.code === refusal.code;
    }
  }

  private async sessionId(): Promise<string> {
    const maxAge = this.options.sessionMaxAgeMs ?? SESSION_MAX_AGE_MS;
    if (this.session && this.now() - this.session.createdAt < maxAge) return this.session.id;
    const { fields } = await this.post('sessions/create', { clientId: this.merchant.clientId });
    const { id } = parseReply(sessionReply, fields, 'sessions/create');
    this.session = { id, createdAt: this.now() };
    return id;
  }

  private async post(
    method: string,
    params: Record<string, unknown>,
    data?: Record<string, unknown>,
  ): Promise<Reply> {
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
    let reply: Reply;
    try {
      reply = await readReply(this.merchant.secretKey, response.data);
    } catch (error) {
      if (error instanceof UapayError && this.merchant.merchantId) {
        throw new UapayError(error.code, error.info.message, error.info.fields, this.merchant.merchantId);
      }
      throw error instanceof DeskFailure ? error : networkFailure('uapay', error);
    }
    // Reference §2.5: every production integration reads `data.token`; an unsigned success there
    // is not UAPAY's word (the sandbox "demo" host may answer unsigned, §8.10).
    if (!reply.signed && this.merchant.environment === 'production') {
      throw new UapayError(
        LOCAL_CODES.unsigned,
        'UAPAY answered without a signed token; the answer was not used.',
        undefined,
        this.merchant.merchantId,
      );
    }
    return reply;
  }
}
