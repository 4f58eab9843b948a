import { currentLanguage, INTL_LOCALES } from '../i18n';

/** A moment as the manager reads it: local date and time in the UI's language. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[currentLanguage()], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A time of day with seconds (the relay's next attempt). */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[currentLanguage()], { timeStyle: 'medium' }).format(
    new Date(iso),
  );
}
