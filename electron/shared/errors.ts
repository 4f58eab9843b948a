/**
 * Errors as they cross the IPC boundary: plain data, never a stack trace or a secret.
 * Core throws classes (electron/core/errors.ts) that carry one of these; the renderer turns
 * `kind` and its fields into words through i18n.
 *
 * Each later boundary (RetailCRM, UAPAY, mail, …) adds its own entry to `ErrorKinds`.
 */
import type { PairingCodeProblem } from './pairingCode';

export interface ValidationIssue {
  /** Dotted path into the request, e.g. `merchant.clientId`; empty for the request itself. */
  path: string;
  code: string;
  message: string;
}

export const REFUSAL_REASONS = [
  'not_held',
  'not_captured',
  'nothing_to_refund',
  'amount_not_positive',
  'amount_above_limit',
  'no_invoice',
  'link_paid',
  'payment_exists',
  'not_linked',
  'not_ready',
  'no_sender',
  'bad_address',
  /** The RetailCRM payment is gone from its order. */
  'not_found',
  /** The UAPAY invoice does not say it belongs to this order and payment. */
  'invoice_mismatch',
  /** RetailCRM now names another invoice for the payment than the list showed. */
  'invoice_changed',
  /** The operation is not waiting for a person's word (payments.resolve). */
  'not_unclear',
  /** The payment has no link that can still be paid for its current amount. */
  'link_outdated',
  /** The order is in a currency other than UAH: UAPAY takes hryvnias only. */
  'currency',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface ErrorKinds {
  /** The request did not match the contract, or a value a person typed is wrong. */
  validation: { message: string; issues: ValidationIssue[] };
  /** The OS keychain is missing, locked or refused the operation. */
  keychain: { reason: 'unavailable' | 'failed'; message: string };
  /** UAPAY refused: its own code, text and per-field codes (reference §3.12), kept for display. */
  uapay: {
    code: string;
    message: string;
    fields?: { params?: Record<string, string>; data?: Record<string, string> };
    merchantId?: string;
  };
  /** RetailCRM refused: HTTP status, `errorMsg` and `errors` in either of its two shapes. */
  retailcrm: { status: number; message: string; errors?: Record<string, string> | string[] };
  /**
   * A service did not answer usably: no connection, a timeout, a 5xx without a body. For a money
   * call this does not say whether it happened; the operation layer asks UAPAY before going on.
   */
  network: {
    service: 'uapay' | 'retailcrm' | 'smtp' | 'relay';
    reason: 'unreachable' | 'timeout' | 'server' | 'rate_limited';
    message: string;
    status?: number;
  };
  /**
   * A payment operation was not started because the payment's state (as UAPAY reports it now) or
   * the amount does not allow it. `reason` is a code the renderer words; `limit` is in kopiyky.
   */
  refused: {
    reason: RefusalReason;
    message: string;
    state?: string;
    limit?: number;
    /** `currency`: the order's currency (UAPAY takes UAH only). */
    currency?: string;
  };
  /**
   * The mail server refused: the login, a recipient or the message; or it offers no encryption
   * (`tls`: nothing was sent). `response` is its own text.
   */
  mail: {
    reason: 'auth' | 'rejected' | 'tls' | 'failed';
    message: string;
    response?: string;
    responseCode?: number;
  };
  /**
   * Another operation on the same payment is still running (or awaits reconciliation), here or,
   * with `elsewhere`, on another desktop of the shop (its lock in the RetailCRM payment).
   */
  busy: {
    message: string;
    opId: string;
    operation: string;
    elsewhere?: { desktopId: string; since: string; who?: string; attention?: boolean };
  };
  /**
   * What was asked for is not here (any more): a payment or order gone from RetailCRM or from the
   * stores UAPAY Desk handles, a merchant removed in Settings, a bulk batch not on this computer.
   */
  not_found: { what: 'payment' | 'order' | 'merchant' | 'batch'; message: string };
  /**
   * A service this needs is not set up on this computer: RetailCRM's address and key in Settings;
   * or, with `secret`, the settings are there but the keychain has no secret for them (a merchant's
   * key, the RetailCRM key…): a person enters it again, nothing was sent.
   */
  not_connected:
    | { service: 'retailcrm'; message: string; secret?: undefined }
    | {
        service: 'retailcrm' | 'uapay' | 'smtp' | 'relay';
        message: string;
        secret: true;
        /** `uapay`: whose secret key is missing. */
        merchantId?: string;
      };
  /** A merchant's payment-type link can no longer change: RetailCRM has payments of that type. */
  locked: { what: 'paymentType'; message: string };
  /**
   * A relay pairing code was refused: as pasted (`problem` says what is wrong with it), or by the
   * relay (`refused`: revoked or wrong; `not_a_relay`: the address is no UAPAY Desk relay).
   */
  pairing: { problem: PairingCodeProblem | 'refused' | 'not_a_relay'; message: string };
  /** The call did not come from the app's own window. */
  forbidden: { message: string };
  /** A bug or an unexpected state. The details went to the log, not to the UI. */
  internal: { message: string };
}

export type DeskErrorKind = keyof ErrorKinds;

export type DeskError = { [K in DeskErrorKind]: { kind: K } & ErrorKinds[K] }[DeskErrorKind];

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };
