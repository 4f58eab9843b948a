import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_ACTIONS } from '../../electron/shared/channels/bulk';
import type { OrderRow } from '../../electron/shared/orders';
import { useBulk } from '../bulk/bulkStore';
import { Button } from '../components/Button';
import { Money } from '../components/Money';
import { currentLanguage } from '../i18n';
import { formatCount } from '../i18n/numbers';
import { summarizeSelection, useSelection } from './selectionStore';

/**
 * Floats over the bottom of the list while rows are selected (so nothing below moves): how many,
 * how many of them are held and for how much, "select all matching", and the bulk actions.
 *
 * Memoised: while a search is typed the screen renders at once with the previous rows (the
 * query is deferred); this part then has nothing to do until the new rows come.
 */
export const SelectionBar = memo(function SelectionBar({ rows }: { rows: readonly OrderRow[] }) {
  const { t } = useTranslation();
  const selected = useSelection((s) => s.selected);
  const { rows: chosen, held } = useMemo(() => summarizeSelection(rows, selected), [rows, selected]);
  if (chosen.length === 0) return null;
  const language = currentLanguage();
  return (
    <section className="orders-selection" aria-label={t('orders.selection.label')}>
      <p className="orders-selection-text">
        <strong data-testid="selection-count">
          {t('orders.selection.count', { count: formatCount(chosen.length, language) })}
        </strong>
        <span data-testid="selection-held">
          {t('orders.selection.held', { count: formatCount(held.count, language) })}
          <span aria-hidden="true"> · </span>
          <Money amount={held.total} />
        </span>
      </p>
      {chosen.length < rows.length && (
        <button type="button" className="link-button" onClick={() => useSelection.getState().selectAll(rows)}>
          {t('orders.selection.selectAllMatching', { count: formatCount(rows.length, language) })}
        </button>
      )}
      <button type="button" className="link-button" onClick={() => useSelection.getState().clear()}>
        {t('orders.selection.clear')}
      </button>
      <div className="orders-selection-actions" role="group" aria-label={t('orders.bulk.label')}>
        {BULK_ACTIONS.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={action === 'confirm' ? 'primary' : 'secondary'}
            // Every selected row goes to the check (the others are listed with the reason), but
            // without a single held one there is nothing to check.
            disabled={held.count === 0}
            onClick={() =>
              useBulk.getState().begin(
                action,
                chosen.map((row) => row.paymentId),
              )
            }
          >
            {t(`orders.bulk.${action}`)}
          </Button>
        ))}
      </div>
    </section>
  );
});
