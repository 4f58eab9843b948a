import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrdersSummary, Tally } from '../../electron/shared/orderQuery';
import { Money } from '../components/Money';
import { currentLanguage } from '../i18n';
import { formatCount } from '../i18n/numbers';
import { RefreshStatus } from './RefreshStatus';

/**
 * Count and total of held, paid today and refunded today, for the current filter (from `queryOrders`).
 * Memoised: while a search is typed the screen renders at once with the previous rows (the
 * query is deferred); this part then has nothing to do until the new rows come.
 */
export const SummaryBar = memo(function SummaryBar({
  summary,
  shown,
  total,
}: {
  summary: OrdersSummary;
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const item = (key: keyof OrdersSummary, label: string, tally: Tally) => (
    <div className={`orders-summary-item orders-summary-${key}`} data-testid={`summary-${key}`}>
      <dt>{label}</dt>
      <dd>
        <span className="orders-summary-count">{formatCount(tally.count, language)}</span>
        <span className="orders-summary-sep" aria-hidden="true">
          ·
        </span>
        <Money amount={tally.total} />
      </dd>
    </div>
  );
  return (
    <section className="orders-summary" aria-label={t('orders.summary.label')}>
      <p className="orders-summary-shown">
        <span data-testid="orders-shown">
          {t('orders.summary.shown', {
            shown: formatCount(shown, language),
            total: formatCount(total, language),
          })}
        </span>
        <span className="orders-summary-sep" aria-hidden="true">
          ·
        </span>
        <RefreshStatus />
      </p>
      <dl className="orders-summary-items">
        {item('held', t('orders.summary.held'), summary.held)}
        {item('paidToday', t('orders.summary.paidToday'), summary.paidToday)}
        {item('refundedToday', t('orders.summary.refundedToday'), summary.refundedToday)}
      </dl>
    </section>
  );
});
