import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFound } from '../../electron/shared/channels/orders';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { Money } from '../components/Money';
import { TextField } from '../components/TextField';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { useOrderPanel } from './orderPanel/orderPanelStore';

/**
 * Any order of RetailCRM by its number, asked of RetailCRM itself (not only the list): an order
 * without a UAPAY payment opens too, so one can be added to it. One match opens at once; the same
 * number in several stores is a choice.
 */
export function FindOrderDialog({ initial, onClose }: { initial: string; onClose(): void }) {
  const { t } = useTranslation();
  const openOrder = useOrderPanel((s) => s.openOrder);
  const [number, setNumber] = useState(initial);
  const { busy, error, run } = useDeskAction();
  const [found, setFound] = useState<{ number: string; orders: OrderFound[] }>();

  const open = (order: OrderFound) => {
    onClose();
    openOrder(order.orderId);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const wanted = number.trim();
    if (!wanted) return;
    await run(async () => {
      const orders = await call('orders.find', { number: wanted });
      if (orders.length === 1) open(orders[0]!);
      else setFound({ number: wanted, orders });
    });
  };

  return (
    <Dialog
      open
      size="md"
      title={t('orders.find.title')}
      description={t('orders.find.text')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={busy} disabled={!number.trim()} onClick={() => void submit()}>
            {t('orders.find.action')}
          </Button>
        </>
      }
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('orders.find.number')}
          value={number}
          onChange={setNumber}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" hidden />
      </form>
      {error && <ErrorMessage error={error} onRetry={() => void submit()} retrying={busy} />}
      {found?.orders.length === 0 && (
        <p className="field-error" role="status" data-testid="find-none">
          {t('orders.find.none', { number: found.number })}
        </p>
      )}
      {found && found.orders.length > 1 && (
        <ul className="find-results" aria-label={t('orders.find.results')}>
          {found.orders.map((order) => (
            <li key={order.orderId}>
              <button type="button" className="find-result" onClick={() => open(order)}>
                <strong>{order.orderNumber}</strong>
                <span>{order.site}</span>
                <span>{order.customerName}</span>
                <Money amount={order.totalSumm} currency={order.currency} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
