import type { OrderRow } from '../../shared/orders';
import type { Settings } from '../../shared/settings';
import type { Connections } from '../connections';
import type { Journal } from '../journal/journal';
import type { LeaseTiming } from './lease';
import type { PaymentLinks } from './paymentLinks';

/** What the payment operations need from the rest of the core. */
export interface PaymentsContext {
  connections: Connections;
  journal: Journal;
  settings(): Promise<Settings>;
  /** The SMTP password from the keychain, for the e-mail with the payment link. */
  smtpPassword(): Promise<string | null>;
  now(): Date;
  /** Tells the orders store (and through it the UI) what an operation changed. */
  onRowChange?(paymentId: number, patch: Partial<OrderRow>): void;
  /**
   * After a money call failed without a clear answer (timeout, 5xx, dropped connection), UAPAY is
   * asked again after each of these delays before the operation decides it did not happen.
   */
  lookAgainMs?: readonly number[];
  /** Which payment links may be shown and mailed (never a comment's link unchecked). */
  links: PaymentLinks;
  /** This installation's name in the locks it writes to RetailCRM payments (desktopId.ts). */
  desktopId: string;
  /** The RetailCRM payment lock's timing (default DEFAULT_LEASE_TIMING; tests shorten it). */
  lease?: LeaseTiming;
}

/** The row an operation starts from: what the orders cache knows of the payment (and its order's e-mails). */
export type PaymentTarget = Partial<Pick<OrderRow, 'emails' | 'currency' | 'uapay'>> &
  Pick<
    OrderRow,
    | 'paymentId'
    | 'orderId'
    | 'orderNumber'
    | 'site'
    | 'merchantId'
    | 'invoiceId'
    | 'amount'
    | 'state'
    | 'link'
    | 'comment'
  >;

export const DEFAULT_LOOK_AGAIN_MS = [500, 2_000, 5_000] as const;
