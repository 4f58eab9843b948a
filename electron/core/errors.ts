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
