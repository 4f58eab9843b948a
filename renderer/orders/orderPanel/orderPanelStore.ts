import { create } from 'zustand';

interface PanelState {
  /** The RetailCRM payment id of the row whose side panel is open. */
  paymentId?: number;
  /** An order opened by itself (found by number): it may have no UAPAY payment yet. */
  orderId?: number;
  open(paymentId: number): void;
  openOrder(orderId: number): void;
  close(): void;
}

/** Which order's side panel is open: the list opens it, the panel closes it (Esc, ✕). */
export const useOrderPanel = create<PanelState>((set) => ({
  open: (paymentId) => set({ paymentId, orderId: undefined }),
  openOrder: (orderId) => set({ orderId, paymentId: undefined }),
  close: () => set({ paymentId: undefined, orderId: undefined }),
}));
