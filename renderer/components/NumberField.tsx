import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';

export interface NumberFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'id' | 'type' | 'children'
> {
  label: string;
  /** The text as typed, so a half-typed number is not rewritten under the cursor. */
  value: string;
  onChange(value: string): void;
  /** A short unit after the box, e.g. "h". */
  unit?: string;
  hint?: string;
  error?: string;
  id?: string;
}

/** A whole-number field; `parseNumber` turns its text into what a schema checks. */
export function NumberField({ label, value, onChange, unit, hint, error, id, ...rest }: NumberFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      id={id}
      suffix={unit && <span className="field-unit">{unit}</span>}
    >
      {(control) => (
        <input
          {...rest}
          {...control}
          className="input input-number"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** "12" → 12, " 1 000 " → 1000, "" or "abc" → NaN (which the schema then calls "not a number"). */
export function parseNumber(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return compact === '' || !/^-?\d*\.?\d+$/.test(compact) ? Number.NaN : Number(compact);
}
