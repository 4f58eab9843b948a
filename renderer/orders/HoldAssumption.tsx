import { useTranslation } from 'react-i18next';
import { HOLD_LIFETIME_HOURS } from '../../electron/shared/settings';
import { useRouter } from '../store/router';
import { useSettings } from '../store/settings';

/**
 * UAPAY does not document how long a hold lasts (uapay-api.md §4): every countdown is an estimate
 * from the hold lifetime setting. Said next to each countdown, with the way to change it: in full
 * in the panel, compact in the list's summary (the full words in its tooltip and accessible name),
 * so the list keeps its height.
 */
export function HoldAssumption({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const hours = useSettings((s) => s.view?.settings.holdLifetimeHours ?? HOLD_LIFETIME_HOURS.default);
  const openSettings = useRouter((s) => s.openSettings);
  const lifetime =
    hours % 24 === 0 ? t('hold.lifetimeDays', { days: hours / 24 }) : t('hold.lifetimeHours', { hours });
  const sentence = t('hold.assumed', { lifetime });
  if (compact)
    return (
      <button
        type="button"
        className="link-button hold-assumption"
        data-testid="hold-assumption"
        title={t('hold.assumedChange', { assumed: sentence, change: t('hold.change') })}
        aria-label={t('hold.assumedChange', { assumed: sentence, change: t('hold.change') })}
        onClick={() => openSettings('general')}
      >
        {t('hold.assumedCompact', { lifetime })}
      </button>
    );
  return (
    <span className="hold-assumption" data-testid="hold-assumption">
      {sentence}{' '}
      <button type="button" className="link-button" onClick={() => openSettings('general')}>
        {t('hold.change')}
      </button>
    </span>
  );
}
