import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../electron/shared/channels/journal';

/** A failed operation's reason in the provider's own words (UAPAY's or RetailCRM's text, its code). */
export function EntryError({ error }: { error: NonNullable<JournalEntry['error']> }) {
  const { t } = useTranslation();
  const who =
    error.kind === 'uapay'
      ? t('errors.uapay.answer')
      : error.kind === 'retailcrm'
        ? t('errors.retailcrm.answer')
        : error.kind === 'mail'
          ? t('errors.mail.answer')
          : t('activity.reason');
  return (
    <p className="entry-error">
      <span className="entry-error-who">{who}</span>
      {error.code && <code className="entry-error-code">{error.code}</code>}
      <span className="entry-error-text">{error.message}</span>
    </p>
  );
}
