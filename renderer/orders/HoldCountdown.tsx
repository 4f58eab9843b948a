import type { TFunction } from 'i18next';
import { EXPIRING_WITHIN_MS, holdExpiresAt } from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { HOLD_LIFETIME_HOURS } from '../../electron/shared/settings';
import type { Language } from '../i18n';
import { useSettings } from '../store/settingsStore';
import { useMinuteClock } from '../store/clockStore';
import { formatDateTime, timeLeft } from './format';

/**
 * A held payment's time left, moving on each minute: red under 24 hours, "expired?" once past its
 * estimated end (UAPAY does not document the hold lifetime, so the end is an estimate until
 * status sync has asked and UAPAY says the hold is gone). `t` comes from the column, so the many
 * cells of a scrolling list do not each subscribe to i18n.
 */
export function HoldCountdown({ row, t, language }: { row: OrderRow; t: TFunction; language: Language }) {
  const now = useMinuteClock((s) => s.now);
  const lifetime = useSettings((s) => s.view?.settings.holdLifetimeHours ?? HOLD_LIFETIME_HOURS.default);
  if (row.state !== 'held') return <span className="orders-none">—</span>;
  const end = holdExpiresAt(row, lifetime);
  if (end === undefined) return <span className="orders-none">—</span>;
  const ms = end - now.getTime();
  const left = timeLeft(ms);
  const text =
    left.unit === 'expired'
      ? t('orders.timeLeft.expired')
      : left.unit === 'days'
        ? t('orders.timeLeft.days', { days: left.days, hours: left.hours })
        : left.unit === 'hours'
          ? t('orders.timeLeft.hours', { hours: left.hours, minutes: left.minutes })
          : t('orders.timeLeft.minutes', { minutes: left.minutes });
  const at = formatDateTime(end, language);
  return (
    <span
      className={ms <= EXPIRING_WITHIN_MS ? 'orders-countdown orders-countdown-urgent' : 'orders-countdown'}
      title={t('hold.countdownTitle', {
        when: t(left.unit === 'expired' ? 'orders.timeLeft.endedAt' : 'orders.timeLeft.endsAt', { time: at }),
        assumed: t('hold.assumedShort', {
          lifetime:
            lifetime % 24 === 0
              ? t('hold.lifetimeDays', { days: lifetime / 24 })
              : t('hold.lifetimeHours', { hours: lifetime }),
        }),
      })}
    >
      {text}
    </span>
  );
}
