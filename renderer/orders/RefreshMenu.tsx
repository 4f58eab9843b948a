import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { moveFocusInList } from '../keyboard';

/**
 * The "⋯" menu beside Refresh. The full reload lives here, one step away, because it re-reads every
 * order from RetailCRM (minutes for a big shop at its request rate).
 */
export function RefreshMenu({ onFullReload, disabled }: { onFullReload(): void; disabled: boolean }) {
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
