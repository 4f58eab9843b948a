import type { SelectHTMLAttributes } from 'react';
import { Field } from './Field';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectProps<V extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'id' | 'children'
> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange(value: V): void;
  hint?: string;
  error?: string;
  id?: string;
}

/** The platform's own select: keyboard, type-ahead and screen readers work as people expect. */
export function Select<V extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  error,
  id,
  ...rest
}: SelectProps<V>) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => (
        <div className="select">
          <select
            {...rest}
            {...control}
            className="input"
            value={value}
            onChange={(event) => {
              const chosen = options.find((option) => option.value === event.target.value);
              if (chosen) onChange(chosen.value);
            }}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}
