import { useTranslation } from 'react-i18next';
import type { OrdersExportRequest } from '../../electron/shared/channels/orders';
import { settingsContext } from '../../electron/shared/orderQuery';
import { downloadText } from '../activity/downloadCsv';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { notify } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';
import { exportColumns, exportRequest } from './exportColumns';
import { useShownRows } from './shownRowsStore';

/**
 * "Export": the list as the manager sees it now (filters, search and sort applied; every visible
 * column, headed in the UI's language) as an Excel workbook or a CSV for Excel. The core writes the
 * file; amounts stay numbers.
 */
export function useOrdersExport() {
  const { t } = useTranslation();
  const { busy, run: exporting } = useDeskAction({ toast: true });
  const rows = useShownRows((s) => s.rows);
  const settings = useSettings((s) => s.view?.settings);
  const run = (format: OrdersExportRequest['format']) =>
    exporting(async () => {
      const columns = exportColumns(t, settingsContext(settings));
      const file = await call(
        'orders.export',
        exportRequest(format, t('orders.export.sheet'), columns, rows),
      );
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      downloadText(file.fileName, bytes, file.mimeType);
      notify('success', (tr) => tr('orders.export.done', { count: file.rows, file: file.fileName }));
    });
  return { run, busy, empty: rows.length === 0 };
}
