import type { TFunction } from 'i18next';
import type { ValidationIssue } from '../../electron/shared/errors';

/**
 * A problem with one field: a zod issue from checking the form in the page (it carries the
 * limits, so the words can be ours) or a ValidationIssue the core sent (path, code and the
 * schema's English message, used when we have no words of our own).
 */
export interface FieldIssue extends ValidationIssue {
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number;
  maximum?: number;
}

interface ZodIssueLike {
  path: readonly PropertyKey[];
  code: string;
  message: string;
}

/**
 * zod's issues (from `schema.safeParse` in the page), with the path dotted as the core does it;
 * `prefix` places a sub-schema's issues where the core's would be (`smtp.` + `host`).
 */
export function fromZod(issues: readonly ZodIssueLike[], prefix: readonly string[] = []): FieldIssue[] {
  return issues.map((issue) => {
    const extra = issue as unknown as Record<string, unknown>;
    const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
    const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      path: [...prefix, ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
      origin: str(extra.origin),
      format: str(extra.format),
      expected: str(extra.expected),
      minimum: num(extra.minimum),
      maximum: num(extra.maximum),
    };
  });
}

/** Regex rules whose meaning depends on the field: their words, by the field's path. */
const PATTERN_WORDS = { 'smtp.host': 'validation.host' } as const;

/** One issue in the UI's language; the schema's own message when no catalogue words fit. */
export function issueText(t: TFunction, issue: FieldIssue): string {
  const { minimum: min, maximum: max } = issue;
  switch (issue.code) {
    case 'too_small':
      // Every text rule of the settings schema has min(1): "required".
      if (issue.origin === 'string') return t('validation.required');
      if (min !== undefined) return t('validation.min', { min });
      break;
    case 'too_big':
      if (issue.origin === 'string' && max !== undefined) return t('validation.maxLength', { max });
      if (max !== undefined) return t('validation.max', { max });
      break;
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.wholeNumber');
      if (issue.expected === 'number') return t('validation.number');
      break;
    case 'invalid_format': {
      if (issue.format === 'email') return t('validation.email');
      const key = PATTERN_WORDS[issue.path as keyof typeof PATTERN_WORDS];
      if (key) return t(key);
      break;
    }
  }
  return issue.message;
}

/** Field path → the first issue's words, for placing each message under its field. */
export function fieldErrors(t: TFunction, issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= issueText(t, issue);
  return errors;
}

/** After a refused save: focus the first field that says what is wrong (its message is read with it). */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
