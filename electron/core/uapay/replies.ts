/**
 * The shapes we read out of UAPAY's verified replies (reference §3). Tolerant on purpose: unknown
 * fields pass, numbers may arrive as strings, dates as ISO strings or epoch numbers (§3.3 types
 * `createdAt` as integer, the examples are ISO strings).
 */
import { z } from 'zod';
import { UapayError, LOCAL_CODES } from './errors';

const int = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);
const date = z
  .union([z.string(), z.number()])
  .transform((value) => new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a date');
const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

export const sessionReply = z.object({ id: z.string().min(1) });

export const invoiceCreatedReply = z.object({
  id: z.string().min(1),
  paymentPageUrl: z.string().min(1),
  paymentPageUrlQR: optionalString,
});

export const paymentReply = z
  .object({
    paymentId: z.string(),
    invoiceId: optionalString,
    status: optionalString,
    paymentStatus: optionalString,
    amount: int,
    commission: int.nullish(),
    cardFromMasked: optionalString,
    createdAt: date.nullish(),
    updatedAt: date.nullish(),
    paidAt: date.nullish(),
    /** §3.5: when the payment was (last) reversed; how we see that a refund went through. */
    reversedAt: date.nullish(),
  })
  .passthrough();

export const invoiceReply = z
  .object({
    id: z.string(),
    externalId: optionalString,
    amount: int.nullish(),
    type: optionalString,
    invoiceStatus: optionalString,
    description: optionalString,
    callbackUrl: optionalString,
    createdAt: date.nullish(),
    /** §3.3: an object in this reply (a JSON string on create and in callbacks); read either way. */
    extraInfo: z.unknown().optional().transform(extraInfoObject),
    payments: z
      .array(paymentReply)
      .nullish()
      .transform((p) => p ?? []),
  })
  .passthrough();

/**
 * `extraInfo` as an object whatever form it came in (reference §3.2/§3.3/§5: a JSON string when
 * sent and in callbacks, an object in invoices/show), or undefined when it is neither.
 */
export function extraInfoObject(value: unknown): Record<string, unknown> | undefined {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

export const invoiceListReply = z.object({ invoices: z.array(invoiceReply) });

export const paymentIdReply = z.object({ paymentId: optionalString }).passthrough();

export type UapayInvoice = z.infer<typeof invoiceReply>;
export type UapayPayment = z.infer<typeof paymentReply>;

export function parseReply<T extends z.ZodType>(
  schema: T,
  fields: Record<string, unknown>,
  method: string,
): z.output<T> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(reply)').join(', ');
  throw new UapayError(
    LOCAL_CODES.badReply,
    `UAPAY's reply to ${method} is missing or has wrong fields: ${where}.`,
  );
}
