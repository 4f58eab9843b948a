import { useTranslation } from 'react-i18next';
import type { Kopiyky } from '../../electron/shared/money';
import { formatMoney } from '../i18n/money';
import { currentLanguage } from '../i18n';

/** An amount in hryvnias for the UI's language, e.g. "1 234,50 ₴" in Ukrainian. */
export function Money({ amount, className }: { amount: Kopiyky; className?: string }) {
  useTranslation(); // re-render when the language changes
  return (
    <span className={className ? `money ${className}` : 'money'}>
      {formatMoney(amount, currentLanguage())}
    </span>
  );
}
