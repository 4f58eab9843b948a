import type { TFunction } from 'i18next';
import type { Language } from '../i18n';
import { numberFormat as number } from '../i18n/numbers';

/** Payments a second when they go quicker than one a second, else a minute: "3,4 за секунду", "12 за хвилину". */
export function rateWords(t: TFunction, perSecond: number, language: Language): string {
  if (perSecond <= 0) return '—';
  if (perSecond >= 1)
    return t('bulk.progress.perSecond', {
      rate: number(language, { maximumFractionDigits: 1 }).format(perSecond),
    });
  return t('bulk.progress.perMinute', {
    rate: number(language, { maximumFractionDigits: 0 }).format(Math.max(1, perSecond * 60)),
  });
}

/**
 * The estimate, in the language's own words for the unit ("2 хвилини", "2 минуты", "2 minutes"),
 * which Intl declines properly; under a minute it says so rather than counting seconds down.
 */
export function etaWords(t: TFunction, seconds: number | undefined, language: Language): string {
  if (seconds === undefined) return t('bulk.progress.etaUnknown');
  if (seconds < 60) return t('bulk.progress.etaUnderMinute');
  const unit = (value: number, name: 'hour' | 'minute') =>
    number(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const minutes = Math.ceil(seconds / 60);
  const time =
    minutes < 60
      ? unit(minutes, 'minute')
      : `${unit(Math.floor(minutes / 60), 'hour')} ${minutes % 60 > 0 ? unit(minutes % 60, 'minute') : ''}`.trim();
  return t('bulk.progress.eta', { time });
}
