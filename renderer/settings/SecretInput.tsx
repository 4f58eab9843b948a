import type { ReactNode, Ref } from 'react';
import { Field } from '../components/Field';

export interface SecretInputProps {
  label: string;
  hint?: string;
  error?: string;
  inputRef: Ref<HTMLInputElement>;
  onInput?: () => void;
  placeholder?: string;
  /** After the input, on its line (a "Keep the saved one" button). */
  suffix?: ReactNode;
  /** "off" for an API key; "new-password" for a password a browser might offer to fill. */
  autoComplete?: 'off' | 'new-password';
}

/**
 * A secret typed in. The input is uncontrolled, so what is typed goes from the field into the
 * call (read through `inputRef`) and never into React state or an attribute.
 */
export function SecretInput({
  label,
  hint,
  error,
  inputRef,
  onInput,
  placeholder,
  suffix,
  autoComplete = 'off',
}: SecretInputProps) {
  return (
    <Field label={label} hint={hint} error={error} suffix={suffix}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          className="input input-secret"
          type="password"
          autoComplete={autoComplete}
          spellCheck={false}
          placeholder={placeholder}
          onInput={onInput}
        />
      )}
    </Field>
  );
}
