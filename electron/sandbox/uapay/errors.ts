/**
 * UAPAY's error envelope (reference §2.5, §3.12): `{"status":0,"error":{"code","message"?,"fields"?}}`,
 * never wrapped in a token. Only FORMAT_ERROR and TIMELIMIT_ERROR are documented; every other code
 * here is our own UNCERTAIN choice, named once so clients and tests can refer to it.
 */

export const ERROR_CODE = {
  /** Documented (§3.12): a missing or invalid field, with `fields.params.<name>` / `fields.data.<name>`. */
  format: 'FORMAT_ERROR',
  /** Documented (§2.4): `iat` more than 20 s away from UAPAY's clock. */
  timeLimit: 'TIMELIMIT_ERROR',
  /** UNCERTAIN: no token, a token that does not decode, or a bad signature. */
  token: 'TOKEN_ERROR',
  /** UNCERTAIN: `params.clientId` names no merchant. */
  clientNotFound: 'CLIENT_NOT_FOUND',
  /** UNCERTAIN: `params.sessionId` names no session (or another merchant's). */
  sessionNotFound: 'SESSION_NOT_FOUND',
  /** UNCERTAIN (§3.1: session lifetime undocumented): the session outlived its lifetime. */
  sessionExpired: 'SESSION_EXPIRED',
  /** UNCERTAIN: no such invoice for this merchant. */
  invoiceNotFound: 'INVOICE_NOT_FOUND',
  /** UNCERTAIN: no such payment for this merchant and invoice. */
  paymentNotFound: 'PAYMENT_NOT_FOUND',
  /** UNCERTAIN: the operation does not fit the payment's status (capture of a non-held payment…). */
  paymentStatus: 'PAYMENT_STATUS_ERROR',
  /** UNCERTAIN: a capture above the held amount, or a refund above what remains. */
  amount: 'AMOUNT_ERROR',
  /** UNCERTAIN (§6.2: rate limits undocumented): too many requests. */
  rateLimit: 'RATE_LIMIT_ERROR',
} as const;

/** UNCERTAIN (§1, §8.1): the HTTP status of a handled error is undocumented; clients parse the body anyway. */
export const ERROR_HTTP_STATUS = 400;
/** UNCERTAIN: the HTTP status when the (optional) rate limit refuses a request. */
export const RATE_LIMIT_HTTP_STATUS = 429;

export type FieldGroup = 'params' | 'data';
export type FieldProblem = 'REQUIRED' | 'INVALID';
export type ErrorFields = Partial<Record<FieldGroup, Record<string, FieldProblem>>>;

export interface ErrorBody {
  status: 0;
  error: { code: string; message?: string; fields?: ErrorFields };
}

/** An error that becomes UAPAY's error envelope. Thrown by the method handlers, caught by the server. */
export class UapayApiError extends Error {
  constructor(
    readonly code: string,
    /** The provider's own text, when it sends one (`error.message` is optional, §2.5). */
    readonly text?: string,
    readonly fields?: ErrorFields,
    readonly httpStatus: number = ERROR_HTTP_STATUS,
  ) {
    super(text ?? code);
    this.name = 'UapayApiError';
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code };
    if (this.text !== undefined) error.message = this.text;
    if (this.fields) error.fields = this.fields;
    return { status: 0, error };
  }
}
