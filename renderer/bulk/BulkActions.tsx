import { useEffect } from 'react';
import { call } from '../desk';
import { isRunning } from './batchMerge';
import { BulkDialog } from './BulkDialog';
import { BulkDock } from './BulkDock';
import { useBulk } from './bulkStore';
import { InterruptedDialog } from './InterruptedDialog';
import './bulk.css';

/**
 * The bulk confirmation and cancellation, mounted once for the app's lifetime: the dialog the
 * selection bar's actions open, the dock of a batch running in the background, and at start the
 * batch a previous run of the app left interrupted.
 */
export function BulkActions() {
  useEffect(() => {
    const stopListening = window.desk.on('bulk.progress', (progress) => useBulk.getState().receive(progress));
    // A batch already running (the window was reloaded): it shows in the dock.
    call('bulk.status', {}).then(
      (status) => {
        if (status && isRunning(status) && !useBulk.getState().view) useBulk.getState().adopt(status, false);
      },
      () => undefined, // not connected yet: no batch can run
    );
    return stopListening;
  }, []);
  return (
    <>
      <BulkDialog />
      <BulkDock />
      <InterruptedDialog />
    </>
  );
}
