import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';

export interface SecretFieldProps {
  label: string;
  hint?: string;
  error?: string;
  /** A key is saved in the keychain: the field shows that, and offers to replace it. */
  saved: boolean;
  /** Replacing the saved key: the input is shown (always shown when nothing is saved). */
  replacing: boolean;
  onReplace(replacing: boolean): void;
  inputRef: Ref<HTMLInputElement>;
  onInput?: () => void;
}

/**
 * A key is write-only: the page learns only whether one is saved. The input is uncontrolled, so
 * what is typed goes from the field into the call and never into React state or an attribute.
 */
export function SecretField({
  label,
  hint,
  error,
  saved,
  replacing,
  onReplace,
  inputRef,
  onInput,
}: SecretFieldProps) {
  const { t } = useTranslation();
  if (saved && !replacing) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <div className="secret-row">
          <span className="secret-state secret-saved" data-testid="secret-state">
            <Icon name="check" size={14} />
            {t('setup.secret.saved')}
          </span>
          <Button size="sm" icon="key" onClick={() => onReplace(true)}>
            {t('setup.secret.replace')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      suffix={
        saved && (
          <Button size="sm" variant="ghost" onClick={() => onReplace(false)}>
            {t('setup.secret.keep')}
          </Button>
        )
      }
    >
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          className="input input-secret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={saved ? t('setup.secret.newPlaceholder') : undefined}
          onInput={onInput}
        />
      )}
    </Field>
  );
}
