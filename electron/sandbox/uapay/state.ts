/**
 * The fake's memory: merchants, sessions, invoices and payments, with the indices the methods need.
 * Domain rules live in sessions.ts, invoices.ts and payments.ts; this module only stores and tells.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxClock } from '../clock';
import type { UapayReadings } from './readings';
import type { PaymentPhase } from './statuses';

export interface Merchant {
  clientId: string;
  secretKey: string;
  name: string;
}

export interface SessionRecord {
  id: string;
  clientId: string;
  createdAt: number;
}

export type InvoiceType = 'PAY' | 'HOLD';

export interface InvoiceRecord {
  id: string;
  invoiceNumber: number;
  clientId: string;
  systemType: 'ECOM';
  type: InvoiceType;
  amount: number;
  externalId: string;
  description: string;
  redirectUrl?: string;
  callbackUrl?: string;
  email?: string;
  /** As received: a JSON string (§3.2). */
  extraInfo?: string;
  payExpiresAt?: string;
  payExpiresAtMs?: number;
  createdAt: number;
  /** Every attempt, oldest first. */
  paymentIds: string[];
  /** When an approved attempt used up this one-time invoice (§3.2: reusability=false). */
  usedAt?: number;
}

export interface PaymentRecord {
  paymentId: string;
  invoiceId: string;
  clientId: string;
  number: number;
  receiptId: string;
  /** Authorised, then the captured amount after payments/complete (views.ts decides what is shown). */
  amount: number;
  /** Internal: what the card authorised (the ceiling for a capture). */
  authorisedAmount: number;
  /** Internal: the sum of reversals so far (the ceiling for refunds is `amount - reversedAmount`). */
  reversedAmount: number;
  /** What happened to it; its status pair is derived from this and the readings (statuses.ts). */
  phase: PaymentPhase;
  approved: boolean;
  cardFromId: string;
  cardFromMasked: string;
  createdAt: number;
  updatedAt: number;
  paidAt?: number;
  reversedAt?: number;
  holdExpiresAt?: number;
}

export type PaymentEvent =
  'paid' | 'held' | 'declined' | 'captured' | 'canceled' | 'hold-expired' | 'reversed' | 'partly-reversed';

export interface PaymentChange {
  event: PaymentEvent;
  payment: PaymentRecord;
  invoice: InvoiceRecord;
  /** false when the caller asked for no callback (e.g. the seed building history). */
  notify: boolean;
}

export interface StoreConfig {
  holdLifetimeMs: number;
  sessionLifetimeMs: number;
}

export class Store {
  readonly merchants = new Map<string, Merchant>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly payments = new Map<string, PaymentRecord>();
  /** Payments in HOLDED state, so hold expiry need not scan every payment. */
  readonly heldPaymentIds = new Set<string>();
  private readonly byExternalId = new Map<string, string[]>();
  private readonly listeners: ((change: PaymentChange) => void)[] = [];
  private invoiceNumber = 100_000;
  private paymentNumber = 500_000;

  constructor(
    readonly clock: SandboxClock,
    readonly config: StoreConfig,
    /** The readings in force (readings.ts); replaced as a whole by control.setReadings. */
    public readings: UapayReadings,
  ) {}

  newId(): string {
    return randomUUID();
  }

  nextInvoiceNumber(): number {
    return ++this.invoiceNumber;
  }

  nextPaymentNumber(): number {
    return ++this.paymentNumber;
  }

  addInvoice(invoice: InvoiceRecord): void {
    this.invoices.set(invoice.id, invoice);
    const key = externalKey(invoice.clientId, invoice.externalId);
    const list = this.byExternalId.get(key);
    if (list) list.push(invoice.id);
    else this.byExternalId.set(key, [invoice.id]);
  }

  /** UNCERTAIN (§6.1): several invoices may share an externalId unless a reading refuses it (invoices.ts). */
  invoicesByExternalId(clientId: string, externalId: string): InvoiceRecord[] {
    const ids = this.byExternalId.get(externalKey(clientId, externalId)) ?? [];
    return ids.map((id) => this.invoices.get(id)).filter((invoice) => invoice !== undefined);
  }

  onPaymentChange(listener: (change: PaymentChange) => void): void {
    this.listeners.push(listener);
  }

  emit(change: PaymentChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function externalKey(clientId: string, externalId: string): string {
  return `${clientId}\u0000${externalId}`;
}
