/**
 * Which payment link may be shown, QR-coded or e-mailed. The RetailCRM comment is free text that
 * anyone with CRM access can edit, so a link read from it is used only when it is on UAPAY's own
 * payment page for the merchant's environment and names the payment's invoice. A link UAPAY
 * returned to this desktop (in the journal) is preferred, and its host is trusted from then on.
 */
import { JOURNAL_STEPS } from '../../shared/journalSteps';
import type { Merchant } from '../../shared/settings';
import type { Journal } from '../journal/journal';
import type { UapayEnvironment } from '../uapay/client';
import { isPageOf, linkOrigin, PAYMENT_PAGE_ORIGINS } from '../uapay/paymentPage';

export class PaymentLinks {
  /** invoice id → the link UAPAY returned for it. */
  private readonly returned = new Map<string, string>();
  /** Hosts UAPAY returned links on, per environment. */
  private readonly learned: Record<UapayEnvironment, Set<string>> = {
    production: new Set(),
    test: new Set(),
  };

  /** `override`: the origin every UAPAY call goes to instead (the sandbox: Demo mode and tests). */
  constructor(private readonly override?: string) {}

  /** Learns the links UAPAY returned in this desktop's earlier link.create operations. */
  learnFrom(journal: Journal, environmentOf: (merchantId: string) => UapayEnvironment | undefined): void {
    for (const operation of journal.list((op) => op.intent.kind === 'link.create')) {
      const step = operation.steps.find((s) => s.step === JOURNAL_STEPS.uapayConfirmed);
      const invoiceId = step?.detail?.invoiceId;
      const link = step?.detail?.link;
      const environment = environmentOf(operation.intent.merchantId ?? '');
      if (typeof invoiceId === 'string' && typeof link === 'string' && environment)
        this.remember(invoiceId, link, environment);
    }
  }

  /** A link UAPAY just returned for an invoice. */
  remember(invoiceId: string, link: string, environment: UapayEnvironment): void {
    this.returned.set(invoiceId, link);
    const origin = linkOrigin(link);
    if (origin) this.learned[environment].add(origin);
  }

  /** The link to use for an invoice: the one UAPAY returned here, else the comment's if it passes. */
  forInvoice(
    invoiceId: string,
    commentLink: string | undefined,
    merchant: Pick<Merchant, 'environment'> | undefined,
  ): string | undefined {
    const returned = this.returned.get(invoiceId);
    if (returned) return returned;
    return commentLink && merchant && this.trusted(commentLink, invoiceId, merchant)
      ? commentLink
      : undefined;
  }

  trusted(link: string, invoiceId: string, merchant: Pick<Merchant, 'environment'>): boolean {
    const origins = this.override
      ? [new URL(this.override).origin]
      : [...PAYMENT_PAGE_ORIGINS[merchant.environment], ...this.learned[merchant.environment]];
    return isPageOf(link, invoiceId, origins);
  }
}
