import type { z } from 'zod';
import type { ValidationIssue } from '../shared/errors';
import { ValidationError } from './errors';

/**
 * zod's issues as the renderer receives them: a dotted path (`merchants.0.clientId`) and the
 * schema's own message. An unknown field becomes one issue per field, at that field's path.
 */
export function validationIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: dotted([...at, key]),
        code: issue.code,
        message: `"${key}" is not a field this version of UAPAY Desk knows.`,
      }));
    }
    return [{ path: dotted(at), code: issue.code, message: issue.message }];
  });
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The issues in one sentence (without its final period), for a message or a file problem's `detail`. */
export function describeIssues(issues: readonly ValidationIssue[], limit = 5): string {
  const lines = issues.slice(0, limit).map((issue) => {
    const message = issue.message.replace(/\.$/, '');
    return issue.path ? `${issue.path}: ${message}` : message;
  });
  if (issues.length > limit) lines.push(`and ${issues.length - limit} more`);
  return lines.join('; ');
}

/** The parsed value, or a ValidationError that starts with `what` and lists each issue. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = validationIssues(result.error);
  throw new ValidationError(`${what}: ${describeIssues(issues, 3)}.`, issues);
}
