/**
 * The fake's internal records. Amounts are integer kopiyky; dates are account-time `Y-m-d H:i:s` strings.
 * Rendering to RetailCRM's wire shape (hryvnias, keyed objects, omitted empties) lives in the *View modules.
 */
import type { Kopiyky } from './money';

export interface Site {
  readonly id: number;
  code: string;
  name: string;
  url?: string;
  description?: string;
  /** ISO code; when absent the order currency falls back to the base currency (reference §5.3). */
  currency?: string;
  countryIso?: string;
  /** Not in the reference (§5.4); some accounts have it. Sent only when a test sets it. */
  language?: string;
  defaultForCrm: boolean;
  ordering: number;
}

export interface Currency {
  readonly id: number;
  code: string;
  isBase: boolean;
  isAutoConvert: boolean;
  autoConvertExtraPercent?: number;
}

export interface PaymentType {
  code: string;
  name: string;
  active: boolean;
  defaultForCrm: boolean;
  defaultForApi: boolean;
  description?: string;
  deliveryTypes: string[];
  /** Empty means every store (reference §5.1, UNCERTAIN). */
  sites: string[];
  integrationModule?: { active: boolean; name: string; logo?: string };
}

export interface PaymentStatus {
  code: string;
  name: string;
  active: boolean;
  defaultForCrm: boolean;
  defaultForApi: boolean;
  /** true: payments in this status count toward the order's prepaySum (reference §4.3). */
  paymentComplete: boolean;
  ordering: number;
  description?: string;
}

export interface Customer {
  readonly id: number;
  externalId?: string;
  site: string;
  createdAt: string;
  firstName?: string;
  lastName?: string;
  patronymic?: string;
  email?: string;
  phones: string[];
}

export interface OrderItem {
  readonly id: number;
  productName: string;
  quantity: number;
  initialPrice: Kopiyky;
}

export interface Payment {
  readonly id: number;
  readonly orderId: number;
  type: string;
  status?: string;
  externalId?: string;
  amount: Kopiyky;
  paidAt?: string;
  comment?: string;
}

export interface Order {
  readonly id: number;
  number: string;
  externalId?: string;
  site: string;
  status: string;
  orderType?: string;
  orderMethod?: string;
  createdAt: string;
  statusUpdatedAt: string;
  currency: string;
  summ: Kopiyky;
  totalSumm: Kopiyky;
  /** Derived: the sum of payments whose status has paymentComplete (reference §4.3). */
  prepaySum: Kopiyky;
  purchaseSumm: Kopiyky;
  fullPaidAt?: string;
  firstName?: string;
  lastName?: string;
  patronymic?: string;
  email?: string;
  phone?: string;
  customerId?: number;
  managerId?: number;
  customerComment?: string;
  managerComment?: string;
  items: OrderItem[];
  /** Payment ids in creation order. */
  paymentIds: number[];
}

export type SiteAccess = 'access_full' | 'access_selective';

export interface ApiKey {
  key: string;
  scopes: string[];
  siteAccess: SiteAccess;
  /** The stores of an `access_selective` key. */
  sites: string[];
  /** Per-key override of the fake's rate limit; 0 or Infinity disables it. */
  rateLimitPerSecond?: number;
}

/**
 * Who made a change, as history reports it (reference §10.3): a key through the API, a manager in the CRM
 * (`user:{id}`), or the CRM's own automation (`code`).
 */
export type Actor =
  { source: 'api'; apiKey?: string } | { source: 'user'; userId: number } | { source: 'code' };
