/**
 * Reads request fields and collects every problem into one FORMAT_ERROR, shaped as in reference
 * §3.12: `fields.params.<name>` / `fields.data.<name>` = "REQUIRED" | "INVALID".
 */
import { ERROR_CODE, UapayApiError, type ErrorFields, type FieldGroup, type FieldProblem } from './errors';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FieldReader {
  private readonly problems: ErrorFields = {};

  constructor(private readonly groups: Record<FieldGroup, Json>) {}

  problem(group: FieldGroup, name: string, problem: FieldProblem): undefined {
    (this.problems[group] ??= {})[name] = problem;
    return undefined;
  }

  private raw(group: FieldGroup, name: string): unknown {
    const value = this.groups[group][name];
    return value === null ? undefined : value;
  }

  /**
   * A non-empty string. A missing required field reads as undefined despite the type: done() throws
   * before the value can be used.
   */
  string(group: FieldGroup, name: string, required: true): string;
  string(group: FieldGroup, name: string, required?: false): string | undefined;
  string(group: FieldGroup, name: string, required = false): string | undefined {
    const value = this.raw(group, name);
    if (value === undefined || value === '')
      return required ? this.problem(group, name, 'REQUIRED') : undefined;
    if (typeof value !== 'string') return this.problem(group, name, 'INVALID');
    return value;
  }

  /** A positive whole number of kopiyky (§3: amounts are integers in kopiyky). */
  amount(group: FieldGroup, name: string, required = false): number | undefined {
    const value = this.raw(group, name);
    if (value === undefined) return required ? this.problem(group, name, 'REQUIRED') : undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      return this.problem(group, name, 'INVALID');
    }
    return value;
  }

  boolean(group: FieldGroup, name: string): boolean | undefined {
    const value = this.raw(group, name);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.problem(group, name, 'INVALID');
    return value;
  }

  /** A non-empty array of non-empty strings. */
  strings(group: FieldGroup, name: string): string[] | undefined {
    const value = this.raw(group, name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) return this.problem(group, name, 'INVALID');
    if (!value.every((item) => typeof item === 'string' && item !== '')) {
      return this.problem(group, name, 'INVALID');
    }
    return value as string[];
  }

  has(group: FieldGroup, name: string): boolean {
    return this.raw(group, name) !== undefined;
  }

  /** Throws the collected FORMAT_ERROR, if any. */
  done(): void {
    if (Object.keys(this.problems).length > 0) {
      throw new UapayApiError(ERROR_CODE.format, undefined, this.problems);
    }
  }
}
