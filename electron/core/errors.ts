import type { DeskError, DeskErrorKind, ErrorKinds, ValidationIssue } from '../shared/errors';

/**
 * The base of every error the core throws on purpose. It carries the plain-data form that goes
 * to the renderer, so turning it into an IPC reply never needs to look at `message` or `stack`.
 */
export class DeskFailure<K extends DeskErrorKind = DeskErrorKind> extends Error {
  readonly info: Extract<DeskError, { kind: K }>;

  constructor(info: Extract<DeskError, { kind: K }>, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = new.target.name;
    this.info = info;
  }
}

export class ValidationError extends DeskFailure<'validation'> {
  constructor(message: string, issues: ValidationIssue[] = []) {
    super({ kind: 'validation', message, issues });
  }
}

export class KeychainError extends DeskFailure<'keychain'> {
  constructor(reason: ErrorKinds['keychain']['reason'], message: string, options?: { cause?: unknown }) {
    super({ kind: 'keychain', reason, message }, options);
  }
}

/** What the renderer may see of any thrown value: typed errors as they are, anything else hidden. */
export function toDeskError(error: unknown): DeskError {
  if (error instanceof DeskFailure) return error.info as DeskError;
  return { kind: 'internal', message: 'Unexpected error; the details are in the log.' };
}

export type Service = ErrorKinds['network']['service'];
export type NetworkReason = ErrorKinds['network']['reason'];

/**
 * No usable answer from a service. For a write this says nothing about whether it happened:
 * the caller must look (UAPAY's invoices/show) before deciding.
 */
export class NetworkError extends DeskFailure<'network'> {
  constructor(
    service: Service,
    reason: NetworkReason,
    message: string,
    options?: { status?: number; cause?: unknown },
  ) {
    super(
      {
        kind: 'network',
        service,
        reason,
        message,
        ...(options?.status !== undefined && { status: options.status }),
      },
      options,
    );
  }
}

/** Connection failures that happen before a request leaves: the service never saw it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether the request certainly never reached the service (no connection was made). */
export function neverSent(error: unknown): boolean {
  if (!(error instanceof NetworkError) || error.info.reason !== 'unreachable') return false;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NOT_SENT.has(code);
}

/** Turns an axios failure without a usable reply into a NetworkError that names the service. */
export function networkFailure(service: Service, error: unknown): NetworkError {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new NetworkError(service, 'timeout', `${SERVICE_NAMES[service]} did not answer in time.`, {
      cause: error,
    });
  }
  return new NetworkError(
    service,
    'unreachable',
    `Could not reach ${SERVICE_NAMES[service]}${code ? ` (${code})` : ''}.`,
    { cause: error },
  );
}

const SERVICE_NAMES: Record<Service, string> = {
  uapay: 'UAPAY',
  retailcrm: 'RetailCRM',
  smtp: 'the mail server',
  relay: 'the callback relay',
};

/** An operation the payment's current state or the amount does not allow; nothing was sent. */
export class RefusedError extends DeskFailure<'refused'> {
  constructor(
    reason: ErrorKinds['refused']['reason'],
    message: string,
    extra: { state?: string; limit?: number; currency?: string } = {},
  ) {
    super({ kind: 'refused', reason, message, ...extra });
  }
}

/** What was asked for is not here (any more); the renderer says which and what to do. */
export class NotFoundError extends DeskFailure<'not_found'> {
  constructor(what: ErrorKinds['not_found']['what'], message: string) {
    super({ kind: 'not_found', what, message });
  }
}

/** A service this needs is not set up yet, or its secret is not on this computer: Settings first. */
export class NotConnectedError extends DeskFailure<'not_connected'> {
  constructor(info: ErrorKinds['not_connected']) {
    super({ kind: 'not_connected', ...info });
  }
}

/** A link that can no longer change (a merchant's payment type once RetailCRM has payments of it). */
export class LockedError extends DeskFailure<'locked'> {
  constructor(what: ErrorKinds['locked']['what'], message: string) {
    super({ kind: 'locked', what, message });
  }
}

/** A relay pairing code refused, as pasted or by the relay. */
export class PairingError extends DeskFailure<'pairing'> {
  constructor(problem: ErrorKinds['pairing']['problem'], message: string) {
    super({ kind: 'pairing', problem, message });
  }
}
