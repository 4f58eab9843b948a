import { useTranslation } from 'react-i18next';
import { useRouter } from '../store/routerStore';
import { holdLifetimeWords, useHoldLifetime } from './holdTime';

/**
 * UAPAY does not document how long a hold lasts (uapay-api.md §4): every countdown is an estimate
 * from the hold lifetime setting. Said beside the panel's countdown, with the way to change it (the
 * list's countdowns say it in their tooltips: a line more above the list would push its rows).
 */
export function HoldAssumption() {
  const { t } = useTranslation();
  const openSettings = useRouter((s) => s.openSettings);
  const sentence = t('hold.assumed', { lifetime: holdLifetimeWords(t, useHoldLifetime()) });
  return (
    <span className="hold-assumption" data-testid="hold-assumption">
      {sentence}{' '}
      <button type="button" className="link-button" onClick={() => openSettings('general')}>
        {t('hold.change')}
      </button>
    </span>
  );
}
