import type { TFunction } from 'i18next';
import type { OrderRow } from '../../electron/shared/orders';
import type { Language } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { useNow } from '../store/clockStore';
import { holdLifetimeWords, isUrgent, timeLeft, useHoldEnd, useHoldLifetime } from './holdTime';

/** The same time left in each place's words: a bare figure under "Time left", "in …" after "Hold ends". */
const WORDS = {
  cell: {
    days: 'orders.timeLeft.days',
    hours: 'orders.timeLeft.hours',
    minutes: 'orders.timeLeft.minutes',
    expired: 'orders.timeLeft.expired',
  },
  fact: {
    days: 'panel.leftDays',
    hours: 'panel.leftHours',
    minutes: 'panel.leftMinutes',
    expired: 'panel.holdPassed',
  },
} as const;

/**
 * A held payment's time left, moving on with the app's clock: red once it is urgent (the
 * "Expiring" chip's rule), "expired?" once past its end. UAPAY does not document the hold lifetime,
 * so the end is an estimate until status sync has asked: the list's tooltip says so, the panel says
 * it beside the countdown (HoldAssumption). `t` and `language` come from the caller, so the many
 * cells of a scrolling list do not each subscribe to i18n.
 */
export function HoldCountdown({
  row,
  t,
  language,
  place,
}: {
  row: OrderRow;
  t: TFunction;
  language: Language;
  place: 'cell' | 'fact';
}) {
  const now = useNow();
  const lifetime = useHoldLifetime();
  const end = useHoldEnd(row);
  if (end === undefined) return place === 'cell' ? <span className="orders-none">—</span> : null;
  const ms = end - now.getTime();
  const left = timeLeft(ms);
  const words = WORDS[place];
  const text =
    left.unit === 'expired'
      ? t(words.expired)
      : left.unit === 'days'
        ? t(words.days, { days: left.days, hours: left.hours })
        : left.unit === 'hours'
          ? t(words.hours, { hours: left.hours, minutes: left.minutes })
          : t(words.minutes, { minutes: left.minutes });
  const title =
    place === 'fact'
      ? formatDateTime(end, 'medium', language)
      : t('hold.countdownTitle', {
          when: t(left.unit === 'expired' ? 'orders.timeLeft.endedAt' : 'orders.timeLeft.endsAt', {
            time: formatDateTime(end, 'short', language),
          }),
          assumed: t('hold.assumedShort', { lifetime: holdLifetimeWords(t, lifetime) }),
        });
  return (
    <span
      className={
        isUrgent(ms) ? `countdown countdown-${place} countdown-urgent` : `countdown countdown-${place}`
      }
      title={title}
    >
      {text}
    </span>
  );
}
