import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkResult as Link } from '../../../electron/shared/channels/payments';
import { stillOwed } from '../../../electron/shared/money';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Callout } from '../../components/Callout';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../desk';
import { useDeskAction } from '../../deskHooks';
import { useLetterShortcuts } from '../../keyboard';
import { canDo, PAYMENT_ACTIONS } from '../../../electron/shared/lifecycle';
import { SHORTCUTS, type PanelAction } from './actions';
import { AddPaymentDialog } from './AddPaymentDialog';
import { AttentionNote } from './AttentionNote';
import { paymentAmounts } from './amounts';
import { ActionBar } from './ActionBar';
import { CancelHoldDialog } from './CancelHoldDialog';
import { ConfirmPaymentDialog } from './ConfirmPaymentDialog';
import { contactEmails, CustomerFacts } from './CustomerFacts';
import { EmailDialog } from './EmailDialog';
import { ExtraMoneyNote } from './ExtraMoneyNote';
import { LinkResult } from './LinkResult';
import { OrderItems } from './OrderItems';
import { OrderPanelSkeleton } from './OrderPanelSkeleton';
import { OtherPayments } from './OtherPayments';
import { PanelHeader } from './PanelHeader';
import { PaymentFacts } from './PaymentFacts';
import { PendingNote } from './PendingNote';
import { RefundDialog } from './RefundDialog';
import { Timeline } from './Timeline';
import { usePaymentData } from './usePaymentData';
import { CurrencyNote } from './CurrencyNote';
import { OpenInCrm } from '../OpenInCrm';
import { isPaymentCurrency } from '../../../electron/shared/currency';

type DialogAction = Exclude<PanelAction, 'createLink'>;

const OPEN_OUTCOMES = new Set(['in_progress', 'crm_pending', 'needs_attention']);

/** The side panel's content for one payment (mounted per payment: its state never leaks to the next). */
export function PaymentBody({ paymentId, titleId }: { paymentId: number; titleId: string }) {
  const { t } = useTranslation();
  const { view, timeline, error, gone, loading, reload } = usePaymentData(paymentId);
  const [dialog, setDialog] = useState<DialogAction>();
  const [link, setLink] = useState<Link>();
  const linking = useDeskAction();
  const syncing = useDeskAction({ toast: true });

  const row = view?.row;
  const detail = view?.detail;
  const noLinkedPayment = detail !== undefined && !detail.payments.some((p) => p.linked);
  // While an operation on the payment is open (running, RetailCRM pending, or waiting for a
  // person), no other may start: the notes above say why. UAPAY takes hryvnias only: an order in
  // another currency gets no link or money operation.
  const locked = timeline?.some((entry) => OPEN_OUTCOMES.has(entry.outcome)) ?? false;
  const payable = isPaymentCurrency(detail?.currency ?? row?.currency);
  const actions: PanelAction[] =
    row && payable
      ? [
          ...PAYMENT_ACTIONS.filter((action) => !locked && canDo(action, row.state)),
          ...(noLinkedPayment ? ['add' as const] : []),
        ]
      : [];

  const createLink = () =>
    linking.run(async () => {
      setLink(await call('payments.createLink', { paymentId }));
      await reload();
    });

  /** Asks UAPAY about this payment now, then reads the order again. */
  const sync = () =>
    syncing.run(async () => {
      await call('payments.sync', { paymentIds: [paymentId] });
      await reload();
    });

  const act = (action: PanelAction) => {
    if (action === 'createLink') void createLink();
    else setDialog(action);
  };

  // The letters of the actions shown.
  useLetterShortcuts((letter) => {
    const action = actions.find((candidate) => SHORTCUTS[candidate] === letter);
    if (!action || linking.busy) return false;
    act(action);
    return true;
  });

  const amounts = row && paymentAmounts(row);
  const done = () => void reload();
  return (
    <>
      <PanelHeader
        titleId={titleId}
        order={
          row && {
            orderNumber: detail?.orderNumber ?? row.orderNumber,
            site: row.site,
            createdAt: detail?.createdAt ?? row.createdAt,
          }
        }
        badge={row && <Badge state={row.state} />}
      >
        {row && <OpenInCrm orderId={row.orderId} orderNumber={row.orderNumber} variant="icon" />}
        <Button
          size="sm"
          variant="ghost"
          busy={syncing.busy}
          title={t('panel.syncHint')}
          onClick={() => void sync()}
        >
          {t('panel.sync')}
        </Button>
      </PanelHeader>
      <div className="order-panel-body" aria-busy={loading || undefined}>
        {gone && (
          <Callout tone="warning" title={t('panel.goneTitle')}>
            <p>{t('panel.goneText')}</p>
          </Callout>
        )}
        {error && <ErrorMessage error={error} onRetry={() => void reload()} retrying={loading} />}
        {!view && !error && !gone && <OrderPanelSkeleton />}
        {row && detail && amounts && (
          <>
            <CurrencyNote currency={detail.currency ?? row.currency} />
            <ActionBar
              state={row.state}
              actions={actions}
              busy={linking.busy ? 'createLink' : undefined}
              locked={locked}
              onAction={act}
            />
            {linking.error && (
              <ErrorMessage error={linking.error} onRetry={() => void createLink()} retrying={linking.busy} />
            )}
            {link && canDo('createLink', row.state) && <LinkResult link={link} />}
            <AttentionNote paymentId={paymentId} timeline={timeline} onDone={done} />
            <ExtraMoneyNote row={row} onDone={done} />
            <PendingNote timeline={timeline} />
            <PaymentFacts row={row} />
            <CustomerFacts row={row} detail={detail} />
            <OrderItems detail={detail} />
            <OtherPayments detail={detail} paymentId={paymentId} />
            <Timeline entries={timeline} />

            {dialog === 'sendLink' && (
              <EmailDialog
                paymentId={paymentId}
                addresses={contactEmails(row, detail)}
                onDone={done}
                onClose={() => setDialog(undefined)}
              />
            )}
            {dialog === 'confirm' && amounts.held !== undefined && (
              <ConfirmPaymentDialog
                paymentId={paymentId}
                held={amounts.held}
                paymentAmount={row.amount}
                orderTotal={detail.totalSumm}
                owed={stillOwed(detail.totalSumm, detail.prepaySum)}
                onDone={done}
                onClose={() => setDialog(undefined)}
              />
            )}
            {dialog === 'cancel' && amounts.held !== undefined && (
              <CancelHoldDialog
                paymentId={paymentId}
                held={amounts.held}
                onDone={done}
                onClose={() => setDialog(undefined)}
              />
            )}
            {dialog === 'refund' && amounts.refundable !== undefined && (
              <RefundDialog
                paymentId={paymentId}
                refundable={amounts.refundable}
                captured={amounts.captured}
                onDone={done}
                onClose={() => setDialog(undefined)}
              />
            )}
            {dialog === 'add' && <AddPaymentDialog order={detail} onClose={() => setDialog(undefined)} />}
          </>
        )}
      </div>
    </>
  );
}
