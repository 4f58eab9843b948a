import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../electron/shared/channels/journal';
import { formatDateTime } from '../i18n/dates';
import { useOrderPanel } from '../orders/orderPanel/orderPanelStore';
import { EntryError } from './EntryError';
import { EntryMoney } from './EntryMoney';
import { kindLabel, paymentOf } from './journalWords';
import { OutcomeBadge } from './OutcomeBadge';
import { StateChange } from './StateChange';

/** The audit log: one row per operation, newest first; a failure's reason under it in the provider's words. */
export function ActivityTable({ entries }: { entries: JournalEntry[] }) {
  const { t } = useTranslation();
  const open = useOrderPanel((s) => s.open);
  return (
    <table className="activity-table" data-testid="activity-table">
      <thead>
        <tr>
          <th scope="col">{t('activity.columns.time')}</th>
          <th scope="col">{t('activity.columns.who')}</th>
          <th scope="col">{t('activity.columns.order')}</th>
          <th scope="col">{t('activity.columns.operation')}</th>
          <th scope="col" className="num">
            {t('activity.columns.amount')}
          </th>
          <th scope="col">{t('activity.columns.change')}</th>
          <th scope="col">{t('activity.columns.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const paymentId = paymentOf(entry);
          const number = entry.orderNumber ?? String(entry.orderId);
          return (
            <Fragment key={entry.opId}>
              <tr className={entry.error ? 'has-error' : undefined} data-op={entry.opId}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, 'medium')}</time>
                </td>
                <td>{entry.managerName ?? entry.osUser}</td>
                <td className="nowrap">
                  {paymentId === undefined ? (
                    number
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('activity.openOrder', { number })}
                      onClick={() => open(paymentId)}
                    >
                      {number}
                    </button>
                  )}
                </td>
                <td>{kindLabel(t, entry.kind)}</td>
                <td className="num">
                  <EntryMoney entry={entry} />
                </td>
                <td>
                  <StateChange before={entry.before} after={entry.after} />
                </td>
                <td>
                  <OutcomeBadge outcome={entry.outcome} />
                </td>
              </tr>
              {entry.error && (
                <tr className="error-row">
                  <td colSpan={7}>
                    <EntryError error={entry.error} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
