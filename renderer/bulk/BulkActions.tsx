import { useEffect } from 'react';
import type { BulkAction } from '../../electron/shared/channels/bulk';
import type { OrderRow } from '../../electron/shared/orders';
import { call } from '../desk';
import { registerBulkAction } from '../orders/bulkActions';
import { isRunning } from './batchMerge';
import { BulkDialog } from './BulkDialog';
import { BulkDock } from './BulkDock';
import { useBulk } from './bulkStore';
import { InterruptedDialog } from './InterruptedDialog';
import './bulk.css';

const ACTIONS: readonly BulkAction[] = ['confirm', 'cancel'];

function run(action: BulkAction, rows: readonly OrderRow[]): void {
  const { view, show, begin } = useBulk.getState();
  // One batch at a time (the core refuses a second): while one runs, its dialog is what opens.
  if (view?.step === 'batch' && isRunning(view.batch)) return show();
  begin(
    action,
    rows.map((row) => row.paymentId),
  );
}

/**
 * The bulk confirmation and cancellation, mounted once for the app's lifetime: the selection
 * bar's two actions, the dialog, the dock of a batch running in the background, and at start the
 * batch a previous run of the app left interrupted.
 */
export function BulkActions() {
  useEffect(() => {
    const off = ACTIONS.map((action) =>
      registerBulkAction(action, {
        run: (rows) => run(action, rows),
        // Every selected row goes to the check (the others are listed with the reason), but
        // without a single held one there is nothing to check.
        enabled: (rows) => rows.some((row) => row.state === 'held'),
      }),
    );
    const stopListening = window.desk.on('bulk.progress', (progress) => useBulk.getState().receive(progress));
    // A batch already running (the window was reloaded): it shows in the dock.
    call('bulk.status', {}).then(
      (status) => {
        if (status && isRunning(status) && !useBulk.getState().view) useBulk.getState().adopt(status, false);
      },
      () => undefined, // not connected yet: no batch can run
    );
    return () => {
      off.forEach((unregister) => unregister());
      stopListening();
    };
  }, []);
  return (
    <>
      <BulkDialog />
      <BulkDock />
      <InterruptedDialog />
    </>
  );
}
