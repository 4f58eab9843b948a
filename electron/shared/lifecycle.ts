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
