import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPaymentCurrency } from '../../../electron/shared/currency';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Money } from '../../components/Money';
import { call } from '../../desk';
import { useDeskFeed } from '../../deskHooks';
import { useLetterShortcuts } from '../../keyboard';
import { OpenInCrm } from '../OpenInCrm';
import { useOrderPanel } from './orderPanelStore';
import { SHORTCUTS } from './actions';
import { AddPaymentDialog } from './AddPaymentDialog';
import { CurrencyNote } from './CurrencyNote';
import { OrderItems } from './OrderItems';
import { OtherPayments } from './OtherPayments';
import { OrderPanelSkeleton } from './OrderPanelSkeleton';
import { PanelHeader } from './PanelHeader';

/**
 * An order found by its number, read fresh from RetailCRM: its UAPAY payments (each opens its own
 * panel) or, when it has none, "Add UAPAY payment" (A) for what it still owes.
 */
export function OrderBody({ orderId, titleId }: { orderId: number; titleId: string }) {
  const { t } = useTranslation();
  const open = useOrderPanel((s) => s.open);
  const {
    data: lookup,
    error,
    loading,
    reload,
  } = useDeskFeed(() => call('orders.order', { orderId }), [orderId]);
  const [adding, setAdding] = useState(false);

  const detail = lookup?.detail;
  const canAdd =
    detail !== undefined && lookup?.rows.length === 0 && isPaymentCurrency(detail.currency) && !adding;

  useLetterShortcuts((letter) => {
    if (!canAdd || letter !== SHORTCUTS.add) return false;
    setAdding(true);
    return true;
  });

  return (
    <>
      <PanelHeader titleId={titleId} order={detail}>
        {detail && <OpenInCrm orderId={detail.orderId} orderNumber={detail.orderNumber} variant="button" />}
      </PanelHeader>
      <div className="order-panel-body" aria-busy={loading || undefined}>
        {error && <ErrorMessage error={error} onRetry={() => void reload()} retrying={loading} />}
        {!lookup && !error && <OrderPanelSkeleton />}
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
                <ul className="stack-list other-payments" data-testid="order-uapay-payments">
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
            {adding && <AddPaymentDialog order={detail} onClose={() => setAdding(false)} />}
          </>
        )}
      </div>
    </>
  );
}
