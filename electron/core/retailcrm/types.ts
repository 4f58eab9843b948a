/**
 * What we read from RetailCRM, parsed at the boundary: amounts become kopiyky here (from their
 * decimal form, never by multiplying a float), `payments` is always an array although the API sends
 * an object keyed by id (and an array in history snapshots, reference §3.3 / §10.3).
 */
import { z } from 'zod';
import { parseHryvnias, type Kopiyky } from '../../shared/money';

/**
 * An amount in hryvnias (a JSON number or its text), as kopiyky. Anything else, or too large to be
 * money, is a parse issue: the reply is refused as a RetailCRM error like any malformed one, never a
 * bare RangeError that would stop a whole list.
 */
export const crmMoney = z.union([z.number(), z.string()]).transform((value, ctx): Kopiyky => {
  try {
    return parseHryvnias(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
const money = crmMoney;
const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

export const crmPayment = z.object({
  id: z.number().int(),
  type: optionalString,
  status: optionalString,
  externalId: optionalString,
  amount: money.optional(),
  paidAt: optionalString,
  comment: optionalString,
});
export type CrmPayment = z.infer<typeof crmPayment>;

const payments = z
  .union([z.array(crmPayment), z.record(z.string(), crmPayment)])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : Object.values(value ?? {})));

export const crmCustomer = z
  .object({
    id: z.number().int().optional(),
    externalId: optionalString,
    type: optionalString,
    email: optionalString,
    firstName: optionalString,
    lastName: optionalString,
    patronymic: optionalString,
    site: optionalString,
    // Reference §6: a customer's phones are objects; only the number is read.
    phones: z
      .array(z.object({ number: optionalString }).passthrough())
      .nullish()
      .transform((v) => v ?? undefined),
  })
  .passthrough();
export type CrmCustomer = z.infer<typeof crmCustomer>;

export const crmOrder = z
  .object({
    id: z.number().int(),
    number: optionalString,
    externalId: optionalString,
    site: optionalString,
    status: optionalString,
    createdAt: optionalString,
    currency: optionalString,
    totalSumm: money.optional(),
    prepaySum: money.optional(),
    fullPaidAt: optionalString,
    firstName: optionalString,
    lastName: optionalString,
    patronymic: optionalString,
    email: optionalString,
    phone: optionalString,
    customer: crmCustomer.optional(),
    payments,
  })
  .passthrough();
export type CrmOrder = z.infer<typeof crmOrder>;

export const pagination = z.object({
  limit: z.number(),
  totalCount: z.number(),
  currentPage: z.number(),
  totalPageCount: z.number(),
});
export type Pagination = z.infer<typeof pagination>;

export const historyRecord = z
  .object({
    id: z.number().int(),
    createdAt: optionalString,
    created: z.boolean().optional(),
    deleted: z.boolean().optional(),
    source: optionalString,
    field: optionalString,
    apiKey: z.object({ current: z.boolean().optional() }).passthrough().optional(),
    order: z.object({ id: z.number().int() }).passthrough().optional(),
    payment: z.object({ id: z.number().int() }).passthrough().optional(),
  })
  .passthrough();
export type HistoryRecord = z.infer<typeof historyRecord>;

export const paymentType = z
  .object({
    code: z.string(),
    name: z.string(),
    active: z.boolean().optional(),
    sites: z.array(z.string()).optional(),
    paymentStatuses: z.array(z.string()).optional(),
    integrationModule: z.unknown().optional(),
  })
  .passthrough();
export type PaymentType = z.infer<typeof paymentType>;

export const paymentStatus = z
  .object({
    code: z.string(),
    name: z.string(),
    active: z.boolean().optional(),
    paymentComplete: z.boolean().optional(),
    ordering: z.number().optional(),
    paymentTypes: z.array(z.string()).optional(),
  })
  .passthrough();
export type PaymentStatus = z.infer<typeof paymentStatus>;

export const site = z
  .object({
    code: z.string(),
    name: z.string(),
    url: optionalString,
    currency: optionalString,
    senderEmail: optionalString,
    senderName: optionalString,
  })
  .passthrough();
export type Site = z.infer<typeof site>;

export const currency = z
  .object({ id: z.number().optional(), code: z.string(), isBase: z.boolean().optional() })
  .passthrough();
export type Currency = z.infer<typeof currency>;

export const credentials = z.object({
  scopes: z.array(z.string()).optional().default([]),
  credentials: z.array(z.string()).optional().default([]),
  siteAccess: optionalString,
  sitesAvailable: z.array(z.string()).optional().default([]),
});
export type Credentials = z.infer<typeof credentials>;
