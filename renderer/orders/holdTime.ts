import type { TFunction } from 'i18next';
import { EXPIRING_WITHIN_MS, holdExpiresAt } from '../../electron/shared/orderQuery';
import type { OrderRow } from '../../electron/shared/orders';
import { HOLD_LIFETIME_HOURS } from '../../electron/shared/settings';
import { useSettings } from '../store/settingsStore';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A hold's time left, split for the words: days and hours, hours and minutes, or minutes. */
export type TimeLeft =
  | { unit: 'days'; days: number; hours: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'minutes'; minutes: number }
  | { unit: 'expired' };

/** Rounded down, so a hold never looks longer than it is; at least a minute while any time remains. */
export function timeLeft(ms: number): TimeLeft {
  if (ms <= 0) return { unit: 'expired' };
  if (ms >= DAY) return { unit: 'days', days: Math.floor(ms / DAY), hours: Math.floor((ms % DAY) / HOUR) };
  if (ms >= HOUR)
    return { unit: 'hours', hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / MINUTE) };
  return { unit: 'minutes', minutes: Math.max(1, Math.floor(ms / MINUTE)) };
}

/**
 * A hold that needs the manager today: the "Expiring" chip's rule (at most EXPIRING_WITHIN_MS
 * left, or past its end), so every countdown the chip counts shows in the chip's red.
 */
export function isUrgent(ms: number): boolean {
  return ms <= EXPIRING_WITHIN_MS;
}

/** The hold lifetime setting (hours): every hold's end is estimated from it until UAPAY says. */
export function useHoldLifetime(): number {
  return useSettings((s) => s.view?.settings.holdLifetimeHours ?? HOLD_LIFETIME_HOURS.default);
}

/** When a held payment's hold ends (UAPAY's own end once status sync asked, else the estimate). */
export function useHoldEnd(row: OrderRow): number | undefined {
  const lifetime = useHoldLifetime();
  return row.state === 'held' ? holdExpiresAt(row, lifetime) : undefined;
}

/** The hold lifetime in words: whole days as days ("7 д"), else hours. */
export function holdLifetimeWords(t: TFunction, hours: number): string {
  return hours % 24 === 0 ? t('hold.lifetimeDays', { days: hours / 24 }) : t('hold.lifetimeHours', { hours });
}
