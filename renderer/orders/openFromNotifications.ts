import { useEffect } from 'react';
import { useRouter } from '../store/routerStore';
import { useOrderPanel } from './orderPanel/orderPanelStore';

/** A desktop notification was clicked (main says `notify.open`): that payment's panel opens over the list. */
export function useOpenFromNotifications(): void {
  useEffect(
    () =>
      window.desk.on('notify.open', ({ paymentId }) => {
        useRouter.getState().go('orders');
        useOrderPanel.getState().open(paymentId);
      }),
    [],
  );
}
