import { lazy, Suspense, useEffect, useId, useRef } from 'react';
import { useOrderPanel } from './orderPanelStore';
import { OrderPanelSkeleton } from './OrderPanelSkeleton';
import './orderPanel.css';

// The panel's code (dialogs, forms, words) is its own chunk, fetched the first time a panel opens.
const PaymentBody = lazy(() => import('./PaymentBody').then((m) => ({ default: m.PaymentBody })));
const OrderBody = lazy(() => import('./OrderBody').then((m) => ({ default: m.OrderBody })));

/**
 * The order side panel: a drawer over the right of the screen while `useOrderPanel` names a
 * payment (or an order found by number, which may have no UAPAY payment yet). Not modal, so the
 * list stays usable beside it (another row opens in its place). Focus moves into it when it opens
 * and back to where it was when it closes; Esc closes it (a dialog open above it takes Esc first).
 */
export function OrderPanel() {
  const { paymentId, orderId, close } = useOrderPanel();
  const ref = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const isOpen = paymentId !== undefined || orderId !== undefined;

  useEffect(() => {
    if (!isOpen) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener.current?.isConnected) opener.current.focus();
    };
  }, [isOpen, close]);

  // Another row opened while the panel is open: Esc then returns to that row.
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !ref.current?.contains(active)) {
      opener.current = active;
    }
  }, [paymentId, orderId]);

  if (!isOpen) return null;
  return (
    <aside
      ref={ref}
      className="order-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="order-panel"
    >
      <Suspense fallback={<OrderPanelSkeleton />}>
        {paymentId !== undefined ? (
          <PaymentBody key={paymentId} paymentId={paymentId} titleId={titleId} />
        ) : (
          orderId !== undefined && <OrderBody key={orderId} orderId={orderId} titleId={titleId} />
        )}
      </Suspense>
    </aside>
  );
}
