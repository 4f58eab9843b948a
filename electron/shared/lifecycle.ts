/**
 * The payment lifecycle states of DESIGN.md ("Payment lifecycle"), the single list every part of
 * the app uses: the state machine in core, the status mapping in settings, the badges in the UI.
 *
 *   no_link → link_sent → (held | paid | failed); held → paid | rejected | expired;
 *   paid → refunded | partially_refunded
 */
export const LIFECYCLE_STATES = [
  'no_link',
  'link_sent',
  'held',
  'paid',
  'failed',
  'rejected',
  'expired',
  'refunded',
  'partially_refunded',
] as const;

export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export function isLifecycleState(value: unknown): value is LifecycleState {
  return typeof value === 'string' && (LIFECYCLE_STATES as readonly string[]).includes(value);
}

/**
 * Operations a manager may start from a state: the panel shows only these buttons and the bulk
 * preflight leaves the rest out. The core checks again against UAPAY's own state before anything
 * moves, so this only spares a manager a button that would be refused.
 */
export const ACTIONS = {
  createLink: ['no_link', 'link_sent', 'failed'],
  sendLink: ['link_sent', 'failed'],
  confirm: ['held'],
  cancel: ['held'],
  refund: ['paid', 'partially_refunded'],
} as const satisfies Record<string, readonly LifecycleState[]>;

export type PaymentAction = keyof typeof ACTIONS;

export const PAYMENT_ACTIONS = Object.keys(ACTIONS) as PaymentAction[];

export function canDo(action: PaymentAction, state: LifecycleState): boolean {
  return (ACTIONS[action] as readonly LifecycleState[]).includes(state);
}
