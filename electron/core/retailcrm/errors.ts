import { DeskFailure } from '../errors';

/** RetailCRM answered with `success: false`. `errorMsg` and `errors` are RetailCRM's own. */
export class RetailCrmError extends DeskFailure<'retailcrm'> {
  constructor(status: number, errorMsg: string, errors?: Record<string, string> | string[]) {
    super({ kind: 'retailcrm', status, message: errorMsg, ...(errors && { errors }) });
  }

  get status(): number {
    return this.info.status;
  }
}

/** Reference §1.6: the messages the clients recognise. */
export const MESSAGES = {
  accountMissing: 'Account does not exist.',
  /** Ours: JSON without the `success` envelope, from a host that is not RetailCRM's API. */
  notApi: 'The address answered, but not as the RetailCRM API does',
  wrongKey: 'Wrong "apiKey" value.',
  missingKey: '"apiKey" is missing.',
  accessDenied: 'Access denied.',
  paymentNotFound: 'Payment not found',
} as const;

/** `errors` comes as a field → message object or as a plain list (reference §1.5). */
export function readErrors(value: unknown): Record<string, string> | string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  }
  return undefined;
}
