import type { ErrorKinds } from '../../shared/errors';
import { DeskFailure } from '../errors';

type Fields = ErrorKinds['uapay']['fields'];

/** UAPAY answered and refused. `code` and `message` are UAPAY's own, kept for display. */
export class UapayError extends DeskFailure<'uapay'> {
  constructor(code: string, message: string, fields?: Fields, merchantId?: string) {
    super({
      kind: 'uapay',
      code,
      message: message || code,
      ...(fields && { fields }),
      ...(merchantId && { merchantId }),
    });
  }

  get code(): string {
    return this.info.code;
  }
}

/** Codes of our own, for failures UAPAY did not name (the reply itself was wrong). */
export const LOCAL_CODES = {
  /** The reply's token did not verify with the merchant key: treated as an error, never as data. */
  badSignature: 'BAD_SIGNATURE',
  /** The reply was not UAPAY's envelope at all. */
  badReply: 'BAD_REPLY',
} as const;

/** Reference §2.4: `iat` more than 20 s away from UAPAY's clock. The UI says "check the clock". */
export const TIMELIMIT_ERROR = 'TIMELIMIT_ERROR';

/**
 * UNCERTAIN (reference §8.3): the error for an expired session is not documented. Anything whose
 * code mentions the session is taken as one: the client renews the session and retries once.
 */
export function isSessionError(error: unknown): boolean {
  return error instanceof UapayError && /SESSION/i.test(error.code);
}
