import { useTranslation } from 'react-i18next';
import type { Kopiyky } from '../../../electron/shared/money';
import { TextField } from '../../components/TextField';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import type { AmountProblem } from './amountText';

/** An amount in hryvnias, with the problem (if any) in words under it and the limit as the hint. */
export function AmountField({
  label,
  value,
  onChange,
  problem,
  max,
  hint,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  problem?: AmountProblem;
  max: Kopiyky;
  hint?: string;
}) {
  const { t } = useTranslation();
  const limit = formatMoney(max, currentLanguage());
  const error =
    problem === 'invalid'
      ? t('actions.amountInvalid')
      : problem === 'zero'
        ? t('actions.amountZero')
        : problem === 'above'
          ? t('actions.amountAbove', { max: limit })
          : undefined;
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={hint}
      inputMode="decimal"
      autoComplete="off"
    />
  );
}
