import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../electron/shared/channels/journal';
import { Money } from '../components/Money';
import { entryAmount } from './journalWords';
import './journal.css';

/**
 * An operation's own sum (what it captured, released or refunded), and under it what the payment
 * keeps afterwards when the operation left part of it: "1,00 ₴ / 99,00 ₴ remains paid".
 */
export function EntryMoney({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const amount = entryAmount(entry);
  if (amount === undefined) return null;
  return (
    <span className="entry-money">
      <Money amount={amount} />
      {entry.remaining !== undefined && entry.remaining > 0 && (
        <span className="entry-remaining" data-testid="entry-remaining">
          {t('activity.remaining')} <Money amount={entry.remaining} />
        </span>
      )}
    </span>
  );
}
