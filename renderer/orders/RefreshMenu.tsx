import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { moveFocusInList } from '../keyboard';

/**
 * The "⋯" menu beside Refresh: find any order in RetailCRM, export the list (Excel or CSV), and the
 * full reload, one step away because it re-reads every order from RetailCRM (minutes for a big shop
 * at its request rate).
 */
export function RefreshMenu({
  onFullReload,
  disabled,
  onFind,
  onExport,
}: {
  onFullReload(): void;
  disabled: boolean;
  onFind(): void;
  /** Absent while the list shows no row. */
  onExport?: (format: 'xlsx' | 'csv') => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="orders-menu-root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button orders-menu-button"
        aria-label={t('orders.refresh.more')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div
          className="orders-menu"
          role="menu"
          id={menuId}
          aria-label={t('orders.refresh.more')}
          onKeyDown={(event) => {
            if (event.key === 'Escape' || event.key === 'Tab') {
              if (event.key === 'Escape') event.preventDefault();
              close();
            } else moveFocusInList(event);
          }}
        >
          <button
            type="button"
            role="menuitem"
            className="orders-menu-item"
            data-testid="find-order"
            onClick={() => {
              setOpen(false);
              onFind();
            }}
          >
            <Icon name="search" />
            {t('orders.find.button')}
          </button>
          {(['xlsx', 'csv'] as const).map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="orders-menu-item"
              disabled={!onExport}
              onClick={() => {
                close();
                onExport?.(format);
              }}
            >
              <Icon name="download" />
              {t(`orders.export.${format}`)}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="orders-menu-item"
            disabled={disabled}
            onClick={() => {
              close();
              onFullReload();
            }}
          >
            <Icon name="database" />
            {t('orders.refresh.fullReload')}
          </button>
        </div>
      )}
    </div>
  );
}
