import type { PaymentAction } from '../../../electron/shared/lifecycle';

/** The panel's actions: the payment's own (electron/shared/lifecycle.ts, ACTIONS) and "add payment". */
export type PanelAction = PaymentAction | 'add';

/**
 * The panel's keyboard shortcuts (single letters, active while the panel is open and no field
 * or dialog has the keys): L link, E e-mail, C confirm, X cancel the hold, R refund, A add.
 */
export const SHORTCUTS: Record<PanelAction, string> = {
  createLink: 'L',
  sendLink: 'E',
  confirm: 'C',
  cancel: 'X',
  refund: 'R',
  add: 'A',
};
