import { useTranslation } from 'react-i18next';
import { STATE_CHIPS, type QueryResult } from '../../electron/shared/orderQuery';
import { currentLanguage } from '../i18n';
import { formatCount } from '../i18n/numbers';
import { useOrdersQuery } from './queryStore';

/**
 * The state chips, each with how many rows it would show under the other filters. They are the
 * saved filters: pressed ones combine (a row in any of them shows) and are remembered.
 */
export function StateChips({ counts }: { counts: QueryResult['counts'] }) {
  const { t } = useTranslation();
  const chips = useOrdersQuery((s) => s.query.chips);
  const toggle = useOrdersQuery((s) => s.toggleChip);
  const language = currentLanguage();
  return (
    <div className="orders-chips" role="group" aria-label={t('orders.chips.label')}>
      {STATE_CHIPS.map((chip) => (
        <button
          key={chip}
          type="button"
          className={`orders-chip orders-chip-${chip}`}
          aria-pressed={chips.includes(chip)}
          onClick={() => toggle(chip)}
        >
          <span className="orders-chip-label">{t(`orders.chips.${chip}`)}</span>
          <span className="orders-chip-count" data-testid={`chip-count-${chip}`}>
            {formatCount(counts[chip], language)}
          </span>
        </button>
      ))}
    </div>
  );
}
