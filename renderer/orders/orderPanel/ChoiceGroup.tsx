import type { ReactNode } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
}

export interface ChoiceGroupProps<V extends string> {
  legend: string;
  /** The radios' name: one of them is checked at a time. */
  name: string;
  choices: readonly Choice<V>[];
  /** The checked choice; none while undefined. */
  value: V | undefined;
  onChange(value: V): void;
  disabled?: boolean;
  /** Side by side (a few short words) instead of one under another. */
  row?: boolean;
  testId?: string;
}

/** A question with a few answers, as radios whose words are their labels (a click on them chooses too). */
export function ChoiceGroup<V extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  disabled,
  row = false,
  testId,
}: ChoiceGroupProps<V>) {
  return (
    <fieldset className={row ? 'choice-group choice-row' : 'choice-group'} data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="choice-option">
          <input
            type="radio"
            name={name}
            checked={value === choice.value}
            disabled={disabled}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
