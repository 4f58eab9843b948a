import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kopiyky } from '../../electron/shared/money';
import { Money } from '../components/Money';
import type { RowWords } from './rowWords';

export interface ListItem {
  paymentId: number;
  orderNumber: string;
  customer?: string;
  amount: Kopiyky;
  words: RowWords;
}

/** Fixed, so the list's height never depends on what the rows say (no jumps while a batch runs). */
const ROW_HEIGHT = 52;

/**
 * The payments of a check or a batch, one line each with its verdict and why. Virtual: a batch
 * can have thousands of rows, and the box keeps one height whatever their number.
 */
export function BulkRowList({ items, label }: { items: readonly ListItem[]; label: string }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => items[index]?.paymentId ?? index,
    overscan: 8,
  });
  return (
    <div className="bulk-list" role="table" aria-label={label} aria-rowcount={items.length + 1}>
      <div className="bulk-list-head" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('bulk.columns.order')}</span>
        <span role="columnheader">{t('bulk.columns.customer')}</span>
        <span role="columnheader" className="bulk-num">
          {t('bulk.columns.amount')}
        </span>
        <span role="columnheader">{t('bulk.columns.result')}</span>
      </div>
      <div className="bulk-list-scroll" ref={scrollRef} tabIndex={0} aria-label={label}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index]!;
            return (
              <div
                key={virtual.key}
                role="row"
                aria-rowindex={virtual.index + 2}
                className={`bulk-row bulk-tone-${item.words.tone}`}
                data-payment-id={item.paymentId}
                style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT }}
              >
                <span role="cell" className="bulk-order">
                  {item.orderNumber}
                </span>
                <span role="cell" className="bulk-customer" title={item.customer}>
                  {item.customer}
                </span>
                <span role="cell" className="bulk-num">
                  <Money amount={item.amount} />
                </span>
                <span role="cell" className="bulk-result">
                  <span className="bulk-verdict">
                    <span className="bulk-mark" aria-hidden="true" />
                    {item.words.verdict}
                  </span>
                  {item.words.detail && (
                    <span className="bulk-detail" title={item.words.detail}>
                      {item.words.detail}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
