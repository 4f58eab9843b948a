/**
 * Which actions the panel offers for a payment's state. A copy of `ACTIONS` in
 * electron/core/lifecycle.ts (the renderer may import only electron/shared): keep the two equal.
 * The core checks again with UAPAY's own state before anything moves; this only hides buttons
 * that would be refused.
 */
import type { LifecycleState } from '../../../electron/shared/lifecycle';

const ACTIONS = {
  createLink: ['no_link', 'link_sent', 'failed'],
  sendLink: ['link_sent', 'failed'],
  confirm: ['held'],
  cancel: ['held'],
  refund: ['paid', 'partially_refunded'],
} as const satisfies Record<string, readonly LifecycleState[]>;

export type PaymentAction = keyof typeof ACTIONS;
export type PanelAction = PaymentAction | 'add';

export const PAYMENT_ACTIONS = Object.keys(ACTIONS) as PaymentAction[];

export function canDo(action: PaymentAction, state: LifecycleState): boolean {
  return (ACTIONS[action] as readonly LifecycleState[]).includes(state);
}

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
