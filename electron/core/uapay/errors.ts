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
  /** A success without a signed token where only a signed one counts (production). */
  unsigned: 'UNSIGNED_REPLY',
} as const;

/** Our own codes say the reply was unusable, not that UAPAY refused: it may have run the call. */
export function isLocalCode(code: string): boolean {
  return (Object.values(LOCAL_CODES) as string[]).includes(code);
}

/** Reference §2.4: `iat` more than 20 s away from UAPAY's clock. The UI says "check the clock". */
export const TIMELIMIT_ERROR = 'TIMELIMIT_ERROR';

/**
 * UNCERTAIN (reference §8.3): the error for an expired session is not documented. A code that
 * mentions the session, or a FORMAT_ERROR naming `params.sessionId` (§3.12's field shape), is taken
 * as one: UAPAY did not run the call, so it may be sent again on a new session.
 */
export function isSessionError(error: unknown): boolean {
  if (!(error instanceof UapayError)) return false;
  return /SESSION/i.test(error.code) || error.info.fields?.params?.sessionId !== undefined;
}
