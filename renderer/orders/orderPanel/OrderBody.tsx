import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLookup } from '../../../electron/shared/channels/orders';
import { isPaymentCurrency } from '../../../electron/shared/currency';
import type { DeskError } from '../../../electron/shared/errors';
import { stillOwed } from '../../../electron/shared/money';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { Money } from '../../components/Money';
import { call, deskError } from '../../desk';
import { formatDateTime } from '../../i18n/dates';
import { OpenInCrm } from '../OpenInCrm';
import { useOrderPanel } from './orderPanelStore';
import { SHORTCUTS } from './actions';
import { AddPaymentDialog } from './AddPaymentDialog';
import { CurrencyNote } from './CurrencyNote';
import { OrderItems } from './OrderItems';
import { OtherPayments } from './OtherPayments';
import { PanelSkeleton } from './PaymentBody';

/**
 * An order found by its number, read fresh from RetailCRM: its UAPAY payments (each opens its own
 * panel) or, when it has none, "Add UAPAY payment" (A) for what it still owes.
 */
export function OrderBody({ orderId, titleId }: { orderId: number; titleId: string }) {
  const { t } = useTranslation();
  const { close, open } = useOrderPanel();
  const [lookup, setLookup] = useState<OrderLookup>();
  const [error, setError] = useState<DeskError>();
  const [loading, setLoading] = useState(true);
  const [adding, setAdding] = useState(false);

  const load = useCallback(
    () =>
      call('orders.order', { orderId })
        .then(
          (found) => {
            setLookup(found);
            setError(undefined);
          },
          (failure: unknown) => setError(deskError(failure)),
        )
        .finally(() => setLoading(false)),
    [orderId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const detail = lookup?.detail;
  const canAdd =
    detail !== undefined && lookup?.rows.length === 0 && isPaymentCurrency(detail.currency) && !adding;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (document.querySelector('dialog[open]') || event.target instanceof HTMLInputElement) return;
      if (canAdd && event.key.toUpperCase() === SHORTCUTS.add) {
        event.preventDefault();
        setAdding(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canAdd]);

  return (
    <>
      <header className="order-panel-header">
        <div className="order-panel-titles">
          <h2 id={titleId}>
            {detail ? t('panel.title', { number: detail.orderNumber }) : t('panel.loading')}
          </h2>
          {detail && (
            <p className="order-panel-sub" data-testid="panel-state">
              <span>{detail.site}</span>
              {detail.createdAt && <span>{formatDateTime(detail.createdAt, 'medium')}</span>}
            </p>
          )}
        </div>
        {detail && <OpenInCrm orderId={detail.orderId} orderNumber={detail.orderNumber} variant="button" />}
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          title={t('panel.close')}
          aria-keyshortcuts="Escape"
          onClick={close}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="order-panel-body" aria-busy={loading || undefined}>
        {error && <ErrorMessage error={error} onRetry={() => void load()} retrying={loading} />}
        {!lookup && !error && <PanelSkeleton />}
        {lookup && detail && (
          <>
            <CurrencyNote currency={detail.currency} />
            <section className="order-panel-section" aria-labelledby="panel-uapay-title">
              <h3 id="panel-uapay-title">{t('panel.uapayPayments')}</h3>
              {lookup.rows.length === 0 ? (
                <div className="order-add" data-testid="order-no-uapay">
                  <p className="muted">{t('panel.noUapayPayment')}</p>
                  {isPaymentCurrency(detail.currency) && (
                    <Button
                      variant="primary"
                      aria-keyshortcuts={SHORTCUTS.add}
                      title={t('actions.shortcut', { key: SHORTCUTS.add })}
                      onClick={() => setAdding(true)}
                    >
                      {t('actions.add')}
                    </Button>
                  )}
                </div>
              ) : (
                <ul className="other-payments" data-testid="order-uapay-payments">
                  {lookup.rows.map((row) => (
                    <li key={row.paymentId}>
                      <Badge state={row.state} />
                      <Money amount={row.amount} currency={row.currency} />
                      <Button size="sm" onClick={() => open(row.paymentId)}>
                        {t('panel.openPayment')}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <OrderItems detail={detail} />
            <OtherPayments detail={detail} />
            {adding && (
              <AddPaymentDialog
                orderId={detail.orderId}
                orderNumber={detail.orderNumber}
                site={detail.site}
                remainder={stillOwed(detail.totalSumm, detail.prepaySum)}
                onAdded={(added) => open(added)}
                onClose={() => setAdding(false)}
              />
            )}
          </>
        )}
      </div>
    </>
  );
}
