/**
 * The Demo account: fixed stores, reference books, API keys and merchants, the same for every seed
 * (only orders and customers depend on the seed). The codes of our lifecycle statuses are the ones
 * the app's setup would create; the app reads them through the status mapping of the demo profile.
 */
import { ALL_SCOPES, type PaymentStatusInput, type RetailCrmState } from '../retailcrm';
import type { UapayFakeState } from '../uapay';

const BASE_CURRENCY = 'UAH';

export const SITES = [
  {
    code: 'demo-shop',
    name: 'Соняшник — інтернет-магазин',
    url: 'https://sunflower.demo.example',
    currency: BASE_CURRENCY,
    countryIso: 'UA',
  },
  {
    code: 'demo-outlet',
    name: 'Соняшник Outlet',
    url: 'https://outlet.sunflower.demo.example',
    currency: BASE_CURRENCY,
    countryIso: 'UA',
  },
] as const;
export type SiteCode = (typeof SITES)[number]['code'];

/** Full scopes. */
export const DEMO_API_KEY = 'uapaydesk-demo-full-access-key-0001';
/** Lacks order_write and reference_write, so the app's "key lacks rights" check can be shown. */
export const LIMITED_API_KEY = 'uapaydesk-demo-limited-key-0002';
export const LIMITED_API_KEY_MISSING = ['order_write', 'reference_write'] as const;

/** The lifecycle states of the app (DESIGN.md "Payment lifecycle"), written out here: the sandbox imports no app code. */
export const SEED_STATES = [
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
export type SeedState = (typeof SEED_STATES)[number];

/** Lifecycle state → the RetailCRM payment status the app's setup maps it to. */
export const STATUS_MAPPING: Record<SeedState, string> = {
  no_link: 'not-paid',
  link_sent: 'uapay-link-sent',
  held: 'uapay-held',
  paid: 'uapay-paid',
  failed: 'uapay-failed',
  rejected: 'uapay-rejected',
  expired: 'uapay-expired',
  refunded: 'uapay-refunded',
  partially_refunded: 'uapay-partially-refunded',
};

/** What a real account has before our setup (reference §5.2: `paid` is paymentComplete, ordering 60). */
const ACCOUNT_STATUSES: PaymentStatusInput[] = [
  { code: 'not-paid', name: 'Не оплачено', ordering: 10, defaultForCrm: true, defaultForApi: true },
  { code: 'invoice', name: 'Виставлено рахунок', ordering: 20 },
  { code: 'payment-start', name: 'Платіж розпочато', ordering: 30 },
  { code: 'credit-check', name: 'Перевірка кредиту', ordering: 40 },
  { code: 'paid', name: 'Оплачено', ordering: 60, paymentComplete: true },
  { code: 'returned', name: 'Повернення', ordering: 70 },
];

/** What the app's setup creates for its lifecycle (partially refunded still counts as paid: money stays). */
const APP_STATUSES: PaymentStatusInput[] = [
  { code: 'uapay-link-sent', name: 'UAPAY: посилання надіслано', ordering: 100 },
  { code: 'uapay-held', name: 'UAPAY: кошти заблоковано', ordering: 110 },
  { code: 'uapay-paid', name: 'UAPAY: оплачено', ordering: 120, paymentComplete: true },
  { code: 'uapay-failed', name: 'UAPAY: оплата не вдалася', ordering: 130 },
  { code: 'uapay-rejected', name: 'UAPAY: відхилено менеджером', ordering: 140 },
  { code: 'uapay-expired', name: 'UAPAY: блокування минуло', ordering: 150 },
  { code: 'uapay-refunded', name: 'UAPAY: повернено', ordering: 160 },
  {
    code: 'uapay-partially-refunded',
    name: 'UAPAY: частково повернено',
    ordering: 170,
    paymentComplete: true,
  },
];

export interface DemoMerchant {
  /** Our own merchant id in the app's settings (a UUID). */
  id: string;
  name: string;
  clientId: string;
  secretKey: string;
  confirmManually: boolean;
  paymentTypeCode: string;
}

export const MANUAL_MERCHANT: DemoMerchant = {
  id: '6f1c2a8e-4b3d-4c5e-9a7b-1d2e3f4a5b01',
  name: 'Соняшник (підтвердження вручну)',
  clientId: '8001',
  secretKey: 'ZGVtby1tYW51YWwtbWVyY2hhbnQta2V5LTgwMDE=',
  confirmManually: true,
  paymentTypeCode: 'uapay-manual',
};

export const AUTO_MERCHANT: DemoMerchant = {
  id: '6f1c2a8e-4b3d-4c5e-9a7b-1d2e3f4a5b02',
  name: 'Соняшник (автоматично)',
  clientId: '8002',
  secretKey: 'ZGVtby1hdXRvLW1lcmNoYW50LWtleS04MDAy',
  confirmManually: false,
  paymentTypeCode: 'uapay-auto',
};

export const DEMO_MERCHANTS: readonly DemoMerchant[] = [MANUAL_MERCHANT, AUTO_MERCHANT];

export const DEMO_SMTP = {
  user: 'demo',
  password: 'demo-smtp-password',
  fromAddress: 'shop@demo.example',
  fromName: 'Demo shop',
} as const;

/** Stores, currency, payment statuses and types, API keys (RetailCRM) and merchants (UAPAY). */
export function setUpAccount(crm: RetailCrmState, uapay: UapayFakeState): void {
  crm.addCurrency({ code: BASE_CURRENCY, isBase: true });
  for (const site of SITES) crm.addSite({ ...site });
  for (const status of [...ACCOUNT_STATUSES, ...APP_STATUSES]) crm.putPaymentStatus(status);
  const appCodes = APP_STATUSES.map((status) => status.code);
  // Ordinary payment types orders also use (not linked to UAPAY, so the app leaves them alone).
  crm.putPaymentType({ code: 'cash', name: 'Готівка', paymentStatuses: ['not-paid', 'paid', 'returned'] });
  crm.putPaymentType({
    code: 'bank-card',
    name: 'Банківська картка',
    paymentStatuses: ['not-paid', 'payment-start', 'paid', 'returned'],
  });
  crm.putPaymentType({
    code: 'credit',
    name: 'Кредит',
    paymentStatuses: ['not-paid', 'credit-check', 'paid'],
  });
  for (const merchant of DEMO_MERCHANTS) {
    crm.putPaymentType({
      code: merchant.paymentTypeCode,
      name: `UAPAY — ${merchant.name}`,
      description: merchant.confirmManually ? 'Оплата карткою, підтвердження менеджером' : 'Оплата карткою',
      paymentStatuses: [STATUS_MAPPING.no_link, ...appCodes],
    });
    uapay.addMerchant({ clientId: merchant.clientId, secretKey: merchant.secretKey, name: merchant.name });
  }
  crm.addApiKey({ key: DEMO_API_KEY });
  crm.addApiKey({
    key: LIMITED_API_KEY,
    scopes: ALL_SCOPES.filter((scope) => !(LIMITED_API_KEY_MISSING as readonly string[]).includes(scope)),
  });
}
