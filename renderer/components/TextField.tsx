import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'id' | 'children'
> {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  id?: string;
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  id,
  type = 'text',
  ...rest
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => (
        <input
          {...rest}
          {...control}
          className="input"
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
