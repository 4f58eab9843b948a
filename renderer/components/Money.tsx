import { useTranslation } from 'react-i18next';
import type { Kopiyky } from '../../electron/shared/money';
import { formatMoney } from '../i18n/money';
import { currentLanguage } from '../i18n';

/**
 * An amount in hryvnias for the UI's language, e.g. "1 234,50 ₴" in Ukrainian; in the order's own
 * currency when it is another (`currency`, ISO code).
 */
export function Money({
  amount,
  className,
  currency,
}: {
  amount: Kopiyky;
  className?: string;
  currency?: string;
}) {
  useTranslation(); // re-render when the language changes
  return (
    <span className={className ? `money ${className}` : 'money'}>
      {formatMoney(amount, currentLanguage(), currency)}
    </span>
  );
}
