/**
 * Desktop notifications: the core decides what to tell and words it in the UI's
 * language; main shows it with the system's notifications and keeps the dock / taskbar badge.
 * Events only, no channels: `notify.show`, `notify.badge` from the core; `notify.open` when a
 * notification was clicked (main emits it, the renderer opens that payment's panel).
 */
export const NOTIFICATION_KINDS = ['held', 'expiring', 'crm_failing', 'attention'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface DeskNotification {
  /** Stable per fact (the payment and what happened), so a repeat can be recognised. */
  id: string;
  kind: NotificationKind;
  paymentId: number;
  orderId: number;
  orderNumber: string;
  title: string;
  body: string;
}

/** What the dock / taskbar badge shows: the held payments waiting for a decision. */
export interface BadgeCount {
  held: number;
}

export interface OpenPayment {
  paymentId: number;
}
