import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../i18n/dates';
import { useOrderPanel } from './orderPanelStore';

export interface PanelHeaderProps {
  /** The id the panel is labelled by. */
  titleId: string;
  /** The order as far as it was read; "Loading…" until then. */
  order?: { orderNumber: string; site: string; createdAt?: string };
  /** Before the site: the payment's state. */
  badge?: ReactNode;
  /** The panel's own buttons, between the titles and Close. */
  children?: ReactNode;
}

/** The side panel's head, for a payment and for an order alike: the order's number, site and date, then Close (Esc). */
export function PanelHeader({ titleId, order, badge, children }: PanelHeaderProps) {
  const { t } = useTranslation();
  const close = useOrderPanel((s) => s.close);
  return (
    <header className="order-panel-header">
      <div className="order-panel-titles">
        <h2 id={titleId}>{order ? t('panel.title', { number: order.orderNumber }) : t('panel.loading')}</h2>
        {order && (
          <p className="order-panel-sub" data-testid="panel-state">
            {badge}
            <span>{order.site}</span>
            {order.createdAt && <span>{formatDateTime(order.createdAt, 'medium')}</span>}
          </p>
        )}
      </div>
      {children}
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
  );
}
