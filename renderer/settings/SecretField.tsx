import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { SecretInput } from './SecretInput';

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

/** A key is write-only: the page learns only whether one is saved, and may type a new one. */
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
    <SecretInput
      label={label}
      hint={hint}
      error={error}
      inputRef={inputRef}
      onInput={onInput}
      placeholder={saved ? t('setup.secret.newPlaceholder') : undefined}
      suffix={
        saved && (
          <Button size="sm" variant="ghost" onClick={() => onReplace(false)}>
            {t('setup.secret.keep')}
          </Button>
        )
      }
    />
  );
}
