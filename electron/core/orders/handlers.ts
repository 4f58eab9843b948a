import type { Handlers } from '../../shared/contract';
import { exportOrders } from './export';
import type { OrdersStore } from './store';

export type OrdersChannels =
  'orders.list' | 'orders.refresh' | 'orders.get' | 'orders.find' | 'orders.order' | 'orders.export';

/** The orders list's calls: the cached rows, a refresh, one order fresh for the side panel. */
export function ordersHandlers(store: OrdersStore): Pick<Handlers, OrdersChannels> {
  return {
    'orders.list': () => store.list(),
    'orders.refresh': ({ full }) => store.refresh({ full: full ?? false }),
    'orders.get': ({ paymentId }) => store.view(paymentId),
    'orders.find': ({ number }) => store.find(number),
    'orders.order': ({ orderId }) => store.viewOrder(orderId),
    'orders.export': (request) => exportOrders(request, new Date()),
  };
}
