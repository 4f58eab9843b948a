import { create } from 'zustand';
import type {
  BulkAction,
  BulkPreflight,
  BulkProgress,
  BulkRerun,
  BulkStatus,
} from '../../electron/shared/channels/bulk';
import type { DeskError } from '../../electron/shared/errors';
import { downloadText } from '../activity/downloadCsv';
import { call, deskError } from '../desk';
import { useSelection } from '../orders/selectionStore';
import { notify } from '../store/noticesStore';
import { isRunning, mergeBatch } from './batchMerge';

/** What the bulk dialog shows: the check, its answer, or the batch it started. */
export type BulkView =
  | { step: 'checking'; action: BulkAction; paymentIds: number[] }
  | { step: 'checkFailed'; action: BulkAction; paymentIds: number[]; error: DeskError }
  | {
      step: 'preflight';
      action: BulkAction;
      paymentIds: number[];
      preflight: BulkPreflight;
      /** Older than the core keeps a check: it must be run again before anything starts. */
      expired: boolean;
      starting: boolean;
      error?: DeskError;
      /** This check was of the failed rows of a batch, and none of them can go again now. */
      rerun?: boolean;
    }
  | { step: 'batch'; batch: BulkStatus; busy?: 'stop' | 'retry' | 'resume' | 'csv'; error?: DeskError };

interface BulkState {
  view?: BulkView;
  /** The dialog is on screen; otherwise a batch that runs (or has just ended) sits in the dock. */
  open: boolean;
  /** Customer names from the check, for the rows of the batch (its rows do not carry them). */
  names: ReadonlyMap<number, string>;
  /**
   * A bulk action on the selected rows (all of them, in list order: the check says which go):
   * their check, or, while a batch runs, that batch's dialog (the core runs one at a time).
   */
  begin(action: BulkAction, paymentIds: number[]): void;
  checkAgain(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  retryFailed(): Promise<void>;
  resume(): Promise<void>;
  exportCsv(): Promise<void>;
  /** Esc, the close button, "Back": what it means depends on the step (see the body). */
  close(): void;
  show(): void;
  /** A batch the core runs or ran, or the answer of a re-run: shown from here on. */
  adopt(status: BulkStatus, open: boolean): void;
  takeRerun(rerun: BulkRerun): void;
  /** A `bulk.progress` event, or a batch's status read again. */
  receive(update: BulkProgress | BulkStatus): void;
}

/** Batches whose early events are kept, at most (the oldest go first). */
const EARLY_BATCHES = 4;

/** The bulk actions' store; the app has one (`useBulk`), a test makes its own. */
export function createBulkStore() {
  return create<BulkState>((set, get) => {
    /** Events of batches the page does not show yet (a quick batch may end before `bulk.start` answers). */
    const early = new Map<string, (BulkProgress | BulkStatus)[]>();
    /** A check answered after the dialog moved on is dropped. */
    let checkSeq = 0;
    let expiryTimer: ReturnType<typeof setTimeout> | undefined;

    const patchBatch = (patch: Partial<Extract<BulkView, { step: 'batch' }>>) => {
      const { view } = get();
      if (view?.step === 'batch') set({ view: { ...view, ...patch } });
    };

    const check = (action: BulkAction, paymentIds: number[]) => {
      const seq = ++checkSeq;
      clearTimeout(expiryTimer);
      set({ open: true, view: { step: 'checking', action, paymentIds } });
      call('bulk.preflight', { action, paymentIds }).then(
        (preflight) => {
          if (seq !== checkSeq) return;
          showPreflight(preflight, paymentIds, false);
        },
        (error: unknown) => {
          if (seq !== checkSeq) return;
          set({ view: { step: 'checkFailed', action, paymentIds, error: deskError(error) } });
        },
      );
    };

    const showPreflight = (preflight: BulkPreflight, paymentIds: number[], rerun: boolean) => {
      const names = new Map(preflight.rows.map((row) => [row.paymentId, row.customerName]));
      set({
        open: true,
        names,
        view: {
          step: 'preflight',
          action: preflight.action,
          paymentIds,
          preflight,
          expired: false,
          starting: false,
          ...(rerun && { rerun }),
        },
      });
      clearTimeout(expiryTimer);
      const seq = checkSeq;
      expiryTimer = setTimeout(
        () => {
          const { view } = get();
          if (seq === checkSeq && view?.step === 'preflight' && !view.starting)
            set({ view: { ...view, expired: true } });
        },
        Math.max(0, Date.parse(preflight.expiresAt) - Date.now()),
      );
    };

    const batchCall = async (
      busy: 'stop' | 'retry' | 'resume' | 'csv',
      run: (batchId: string) => Promise<void>,
    ) => {
      const { view } = get();
      if (view?.step !== 'batch' || view.busy) return;
      patchBatch({ busy, error: undefined });
      try {
        await run(view.batch.batchId);
        patchBatch({ busy: undefined });
      } catch (error) {
        patchBatch({ busy: undefined, error: deskError(error) });
      }
    };

    /** Once a batch has ended, its rows as the core keeps them (no event can be missing then). */
    const readAgain = (batchId: string) => {
      call('bulk.status', { batchId }).then(
        (last) => last && get().receive(last),
        () => undefined, // the events already showed it; this read only makes sure
      );
    };

    return {
      open: false,
      names: new Map(),
      begin: (action, paymentIds) => {
        const { view } = get();
        if (view?.step === 'batch' && isRunning(view.batch)) set({ open: true });
        else check(action, paymentIds);
      },
      checkAgain: () => {
        const { view } = get();
        if (view && view.step !== 'batch') check(view.action, view.paymentIds);
      },
      start: async () => {
        const { view } = get();
        if (view?.step !== 'preflight' || view.starting || view.expired) return;
        clearTimeout(expiryTimer);
        set({ view: { ...view, starting: true, error: undefined } });
        try {
          const batch = await call('bulk.start', { preflightId: view.preflight.preflightId });
          useSelection.getState().clear();
          get().adopt(batch, get().open);
        } catch (failure) {
          const error = deskError(failure);
          const expired =
            error.kind === 'validation' && error.issues.some((issue) => issue.code === 'expired');
          const current = get().view;
          if (current?.step === 'preflight')
            set({ view: { ...current, starting: false, expired, ...(!expired && { error }) } });
        }
      },
      stop: () =>
        batchCall('stop', async (batchId) => get().adopt(await call('bulk.stop', { batchId }), get().open)),
      retryFailed: () =>
        batchCall('retry', async (batchId) => get().takeRerun(await call('bulk.retryFailed', { batchId }))),
      resume: () =>
        batchCall('resume', async (batchId) => get().takeRerun(await call('bulk.resume', { batchId }))),
      exportCsv: () =>
        batchCall('csv', async (batchId) => {
          const csv = await call('bulk.exportCsv', { batchId });
          downloadText(csv.fileName, csv.text);
          notify('success', (t) => t('bulk.result.exported', { count: csv.rows, file: csv.fileName }));
        }),
      close: () => {
        const { view } = get();
        if (!view) return set({ open: false });
        // Starting: the batch may already be running; the answer decides what shows next.
        if (view.step === 'preflight' && view.starting) return;
        // Running: the batch goes on, in the dock; closing never stops it.
        if (view.step === 'batch' && isRunning(view.batch)) return set({ open: false });
        checkSeq++;
        clearTimeout(expiryTimer);
        set({ open: false, view: undefined });
      },
      show: () => set({ open: true }),
      adopt: (status, open) => {
        const { view } = get();
        let batch = status;
        if (view?.step === 'batch' && view.batch.batchId === status.batchId)
          batch = mergeBatch(view.batch, status);
        for (const event of early.get(status.batchId) ?? []) batch = mergeBatch(batch, event);
        early.delete(status.batchId);
        set({ open, view: { step: 'batch', batch } });
        if (!isRunning(batch)) readAgain(batch.batchId);
      },
      takeRerun: (rerun) => {
        if (rerun.batch) return get().adopt(rerun.batch, true);
        const paymentIds = rerun.preflight.rows.map((row) => row.paymentId);
        checkSeq++;
        showPreflight(rerun.preflight, paymentIds, true);
      },
      receive: (update) => {
        const { view } = get();
        if (view?.step === 'batch' && view.batch.batchId === update.batchId) {
          const batch = mergeBatch(view.batch, update);
          set({ view: { ...view, batch } });
          if (isRunning(view.batch) && !isRunning(batch)) readAgain(batch.batchId);
          return;
        }
        const kept = early.get(update.batchId) ?? [];
        kept.push(update);
        early.set(update.batchId, kept);
        while (early.size > EARLY_BATCHES) early.delete(early.keys().next().value!);
      },
    };
  });
}

export const useBulk = createBulkStore();
