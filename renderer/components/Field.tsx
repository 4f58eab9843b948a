import { useId, type ReactNode } from 'react';

/** What a control inside a Field needs to be labelled and described for screen readers. */
export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: string;
  hint?: string;
  /** Shown under the control, in place of the hint's colour, and read with it. */
  error?: string;
  id?: string;
  /** Something after the control on the same line (a unit, a button). */
  suffix?: ReactNode;
  children: (control: FieldControl) => ReactNode;
}

/** Label above, control, then the error (if any) and the hint under it: the layout of every form field. */
export function Field({ label, hint, error, id, suffix, children }: FieldProps) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={controlId}>
        {label}
      </label>
      <div className="field-control">
        {children({
          id: controlId,
          'aria-describedby': describedBy,
          ...(error && { 'aria-invalid': true as const }),
        })}
        {suffix}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
