/** The invoicer methods the fake answers, as paths under /api/ (reference §3). */
import type { PeekedEnvelope } from './envelope';

export const UAPAY_METHODS = [
  'sessions/create',
  'invoicer/invoices/create',
  'invoicer/invoices/show',
  'invoicer/invoices/show/list',
  'invoicer/payments/show',
  'invoicer/payments/complete',
  'invoicer/payments/cancel',
  'invoicer/payments/reverse',
] as const;

export type UapayMethod = (typeof UAPAY_METHODS)[number];

/** What a call is about, for counting calls and aiming faults. */
export interface CallTarget {
  invoiceIds: string[];
  paymentId?: string;
  externalIds: string[];
}

/** Read from the (unverified) request: a fault or a count must work even for a request that fails. */
export function targetOf(envelope: PeekedEnvelope): CallTarget {
  const { params, data } = envelope;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const one = (value: unknown): string[] => (typeof value === 'string' && value !== '' ? [value] : []);
  const paymentId = one(params.paymentId)[0];
  return {
    invoiceIds: [...one(params.id), ...one(params.invoiceId), ...strings(params.ids)],
    ...(paymentId === undefined ? {} : { paymentId }),
    externalIds: [...one(data.externalId), ...strings(params.externalIds)],
  };
}
