import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useSettings } from '../store/settingsStore';

/**
 * The order's own page in the shop's RetailCRM account (`/orders/{id}/edit`, the address RetailCRM
 * opens an order at). It opens in the person's browser through main's external-link allow list
 * (electron/main/externalLinks.ts), never inside the app.
 */
function crmOrderUrl(account: string, orderId: number): string {
  return `${account}/orders/${orderId}/edit`;
}

/**
 * The list row's "Open in RetailCRM": a plain function, not a component (hundreds of rows mount
 * while the list scrolls; the column has `t` and the account already). Out of the Tab order, like
 * the row's other icons: the row itself is the keyboard's stop.
 */
export function openInCrmLink(
  account: string,
  order: { orderId: number; orderNumber: string },
  t: (key: 'orders.openInCrm', options: { number: string }) => string,
) {
  const label = t('orders.openInCrm', { number: order.orderNumber });
  return (
    <a
      className="icon-button"
      href={crmOrderUrl(account, order.orderId)}
      target="_blank"
      rel="noopener noreferrer"
      tabIndex={-1}
      title={label}
      aria-label={label}
      // A click in the list's row must not open the row's panel too.
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      <Icon name="external" />
    </a>
  );
}

/**
 * "Open in RetailCRM": an icon in the list's row (out of the Tab order, like the row's other
 * icons: the row itself is the keyboard's stop), an icon in the payment panel's header, a labelled
 * button in an order's panel.
 */
export function OpenInCrm({
  orderId,
  orderNumber,
  variant,
}: {
  orderId: number;
  orderNumber: string;
  variant: 'row' | 'icon' | 'button';
}) {
  const { t } = useTranslation();
  const account = useSettings((s) => s.view?.settings.retailCrm?.url);
  if (!account) return null;
  const label = t('orders.openInCrm', { number: orderNumber });
  // A click in the list's row must not open the row's panel too.
  const keep = (event: MouseEvent) => event.stopPropagation();
  return variant !== 'button' ? (
    <a
      className="icon-button"
      href={crmOrderUrl(account, orderId)}
      target="_blank"
      rel="noopener noreferrer"
      tabIndex={variant === 'row' ? -1 : undefined}
      title={label}
      aria-label={label}
      onClick={keep}
    >
      <Icon name="external" />
    </a>
  ) : (
    <a
      className="btn btn-ghost btn-sm"
      href={crmOrderUrl(account, orderId)}
      target="_blank"
      rel="noopener noreferrer"
      title={label}
      aria-label={label}
    >
      <Icon name="external" />
      <span>{t('orders.openInCrmShort')}</span>
    </a>
  );
}
