import { useTranslation } from 'react-i18next';
import { formatDateTime, timeLeft, useNow } from './dateTime';

/** How long UAPAY still holds the money: amber within a day, red once passed. */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const until = Date.parse(expiresAt);
  if (Number.isNaN(until)) return null;
  const left = timeLeft(until, now);
  const text = left.passed
    ? t('panel.holdPassed')
    : left.days > 0
      ? t('panel.leftDays', { days: left.days, hours: left.hours })
      : left.hours > 0
        ? t('panel.leftHours', { hours: left.hours, minutes: left.minutes })
        : t('panel.leftMinutes', { minutes: left.minutes });
  const tone = left.passed ? 'bad' : left.days === 0 ? 'warn' : 'ok';
  return (
    <span className={`countdown countdown-${tone}`} title={formatDateTime(expiresAt)}>
      {text}
    </span>
  );
}
