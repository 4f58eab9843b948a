import { useTranslation } from 'react-i18next';
import type { Kopiyky } from '../../../electron/shared/money';
import { Money } from '../../components/Money';
import { currentLanguage } from '../../i18n';
import { amountInWords } from './amountInWords';

/** The amount a money action will move, in figures and in words, read together by screen readers. */
export function AmountInWords({ label, amount }: { label: string; amount?: Kopiyky }) {
  const { t } = useTranslation();
  return (
    <div className="amount-words" role="group" aria-label={label} data-testid="amount-in-words">
      <span className="amount-words-label">{label}</span>
      {amount === undefined ? (
        <span className="amount-words-missing">{t('actions.amountMissing')}</span>
      ) : (
        <>
          <Money amount={amount} className="amount-words-figure" />
          <span className="amount-words-text">{amountInWords(amount, currentLanguage())}</span>
        </>
      )}
    </div>
  );
}
