import { merchantsSchema, type Merchant } from '../../shared/settings';
import { LockedError, NotFoundError, ValidationError } from '../errors';
import { describeIssues, validationIssues } from '../validation';

/** What a merchant edit may change; the id is fixed. */
export type MerchantChanges = Partial<Omit<Merchant, 'id'>>;

/** The uniqueness rules of `merchantsSchema`, reported at the fields of the merchant at `index`. */
export function checkAmong(merchants: Merchant[], index: number): void {
  const result = merchantsSchema.safeParse(merchants);
  if (result.success) return;
  const issues = validationIssues(result.error)
    .filter((issue) => issue.path.startsWith(`${index}.`))
    .map((issue) => ({ ...issue, path: issue.path.slice(`${index}.`.length) }));
  if (issues.length > 0)
    throw new ValidationError(`The merchant is not valid: ${describeIssues(issues, 3)}.`, issues);
}

/** A locked payment-type link stays as it is (DESIGN.md, workflow 3). */
export function refuseLockedChange(before: Merchant, changes: MerchantChanges): void {
  if (!before.paymentTypeLocked) return;
  const relinks = changes.paymentTypeCode !== undefined && changes.paymentTypeCode !== before.paymentTypeCode;
  if (!relinks && changes.paymentTypeLocked !== false) return;
  const message = `The payment type of "${before.name}" can no longer change: payments of that type exist.`;
  throw new LockedError('paymentType', message);
}

export function notFound(id: string): NotFoundError {
  return new NotFoundError('merchant', `There is no merchant with id ${id.slice(0, 40)}.`);
}
