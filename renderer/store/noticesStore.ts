import type { TFunction } from 'i18next';
import { create } from 'zustand';
import type { DeskError } from '../../electron/shared/errors';

export type NoticeLevel = 'success' | 'info' | 'warning' | 'error';

/**
 * A toast. It keeps a function of `t` rather than a finished text, so a notice on screen follows
 * a language switch; the catalogue keys stay type-checked where the notice is created.
 */
export interface ToastNotice {
  id: number;
  level: NoticeLevel;
  text?: (t: TFunction) => string;
  error?: DeskError;
}

/** Success and info go away by themselves; warnings and errors wait to be read. */
export const AUTO_DISMISS_MS = 6000;

interface NoticesState {
  notices: ToastNotice[];
  /** The next notice's id. */
  nextId: number;
  push(notice: Omit<ToastNotice, 'id'>): number;
  dismiss(id: number): void;
}

/** At most this many on screen: the oldest make way. */
export const MAX_NOTICES = 5;

export const useNotices = create<NoticesState>((set, get) => ({
  notices: [],
  nextId: 1,
  push: (notice) => {
    const id = get().nextId;
    set({ nextId: id + 1, notices: [...get().notices, { ...notice, id }].slice(-MAX_NOTICES) });
    if (notice.level === 'success' || notice.level === 'info') {
      setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
    }
    return id;
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));

export function notify(level: NoticeLevel, text: (t: TFunction) => string): void {
  useNotices.getState().push({ level, text });
}

export function notifyError(error: DeskError): void {
  useNotices.getState().push({ level: 'error', error });
}
