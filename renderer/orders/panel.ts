import { create } from 'zustand';

interface PanelState {
  /** The RetailCRM payment id of the row whose side panel is open. */
  paymentId?: number;
  open(paymentId: number): void;
  close(): void;
}

/** Which order's side panel is open: the list opens it, the panel closes it (Esc, ✕). */
export const useOrderPanel = create<PanelState>((set) => ({
  open: (paymentId) => set({ paymentId }),
  close: () => set({ paymentId: undefined }),
}));
