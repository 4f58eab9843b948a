import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrdersExportRequest } from '../../electron/shared/channels/orders';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { downloadText } from '../activity/downloadCsv';
import { call, deskError } from '../desk';
import { moveFocusInList } from '../keyboard';
import { notify, notifyError } from '../store/notices';
import { useSettings } from '../store/settings';
import { HOLD_LIFETIME_HOURS } from '../../electron/shared/settings';
import { exportColumns, exportRequest } from './exportColumns';
import { useShownRows } from './shownRows';

/**
 * "Export": the list as the manager sees it now (filters, search and sort applied; every visible
 * column, headed in the UI's language) as an Excel workbook or a CSV for Excel. The core writes the
 * file; amounts stay numbers.
 */
export function ExportMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const rows = useShownRows((s) => s.rows);
  const settings = useSettings((s) => s.view?.settings);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const run = async (format: OrdersExportRequest['format']) => {
    setOpen(false);
    setBusy(true);
    try {
      const columns = exportColumns(t, {
        merchantNames: Object.fromEntries((settings?.merchants ?? []).map((m) => [m.id, m.name])),
        holdLifetimeHours: settings?.holdLifetimeHours ?? HOLD_LIFETIME_HOURS.default,
      });
      const file = await call(
        'orders.export',
        exportRequest(format, t('orders.export.sheet'), columns, rows),
      );
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      downloadText(file.fileName, bytes, file.mimeType);
      notify('success', (tr) => tr('orders.export.done', { count: file.rows, file: file.fileName }));
    } catch (failure) {
      notifyError(deskError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="orders-menu-root" ref={rootRef}>
      <Button
        size="sm"
        icon="download"
        busy={busy}
        disabled={rows.length === 0}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('orders.export.button')}
        title={t('orders.export.button')}
        onClick={() => setOpen(!open)}
      />
      {open && (
        <div
          className="orders-menu"
          role="menu"
          id={menuId}
          aria-label={t('orders.export.button')}
          onKeyDown={(event) => {
            if (event.key === 'Escape' || event.key === 'Tab') {
              if (event.key === 'Escape') event.preventDefault();
              setOpen(false);
            } else moveFocusInList(event);
          }}
        >
          <button type="button" role="menuitem" className="orders-menu-item" onClick={() => void run('xlsx')}>
            <Icon name="file" />
            {t('orders.export.xlsx')}
          </button>
          <button type="button" role="menuitem" className="orders-menu-item" onClick={() => void run('csv')}>
            <Icon name="file" />
            {t('orders.export.csv')}
          </button>
        </div>
      )}
    </div>
  );
}
