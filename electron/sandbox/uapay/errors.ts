/**
 * UAPAY's error envelope (reference §2.5, §3.12): `{"status":0,"error":{"code","message"?,"fields"?}}`,
 * never wrapped in a token. Only FORMAT_ERROR and TIMELIMIT_ERROR are documented; every other code
 * here is our own UNCERTAIN choice, named once so clients and tests can refer to it. The readings
 * that concern errors (HTTP status, session and duplicate-externalId codes) act here.
 */
import type { UapayReadings } from './readings';

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
  /** UNCERTAIN, reading `sessionError: 'TOKEN_EXPIRED'`: an unknown or expired session, not named as one. */
  tokenExpired: 'TOKEN_EXPIRED',
  /** UNCERTAIN, reading `duplicateExternalId: 'EXTERNAL_ID_EXISTS'` (§6.1): the externalId is taken. */
  externalIdExists: 'EXTERNAL_ID_EXISTS',
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

/**
 * UNCERTAIN (§1, §8.1): the HTTP status of a handled error is undocumented; clients parse the body
 * anyway. This is the default of the reading `errorHttpStatus`.
 */
export const ERROR_HTTP_STATUS = 400;
/** UNCERTAIN: the HTTP status when the (optional) rate limit refuses a request. */
export const RATE_LIMIT_HTTP_STATUS = 429;

export type FieldGroup = 'params' | 'data';
export type FieldProblem = 'REQUIRED' | 'INVALID' | 'DUPLICATE';
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
    /** A fixed HTTP status (rate limit, a fault that names one); otherwise the reading decides. */
    readonly httpStatus?: number,
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

/** The HTTP status an error envelope goes out with. */
export function httpStatusOf(error: UapayApiError, readings: UapayReadings): number {
  return error.httpStatus ?? readings.errorHttpStatus;
}

/** An unknown or expired session, as the reading `sessionError` names it. */
export function sessionError(problem: 'unknown' | 'expired', readings: UapayReadings): UapayApiError {
  switch (readings.sessionError) {
    case 'SESSION_*':
      return problem === 'unknown'
        ? new UapayApiError(ERROR_CODE.sessionNotFound, 'Session not found')
        : new UapayApiError(ERROR_CODE.sessionExpired, 'Session expired');
    case 'TOKEN_EXPIRED':
      return new UapayApiError(ERROR_CODE.tokenExpired, 'Token expired');
    case 'FORMAT_ERROR':
      return new UapayApiError(ERROR_CODE.format, undefined, { params: { sessionId: 'INVALID' } });
  }
}

/** invoices/create with a used externalId, under a reading that refuses it; undefined when accepted. */
export function duplicateExternalIdError(readings: UapayReadings): UapayApiError | undefined {
  switch (readings.duplicateExternalId) {
    case 'accepted':
      return undefined;
    case 'FORMAT_ERROR':
      return new UapayApiError(ERROR_CODE.format, undefined, { data: { externalId: 'DUPLICATE' } });
    case 'EXTERNAL_ID_EXISTS':
      return new UapayApiError(ERROR_CODE.externalIdExists, 'An invoice with this externalId already exists');
  }
}
