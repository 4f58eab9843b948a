/**
 * A new order's record from a library input: defaults, contact copy from the customer, derived sums.
 * The state registers it, attaches its payments and writes its `created` history record.
 */
import type { Customer, Order, Site } from './model';
import { assertKopiyky, type Kopiyky } from './money';
import type { PaymentInput } from './payments';
import type { AccountTime } from './time';

/** reference §10.3: a new order's status in the `created` record is `new` in every fixture. */
const DEFAULT_ORDER_STATUS = 'new';
/** The currency of an order when neither its store nor the account names one (the app's market). */
const FALLBACK_CURRENCY = 'UAH';

export interface OrderItemInput {
  productName: string;
  quantity?: number;
  /** Kopiyky per unit. */
  initialPrice: Kopiyky;
}

export interface OrderInput {
  /** Store code; default: the first store added. */
  site?: string;
  /** Default: `<id>A`. */
  number?: string;
  externalId?: string;
  status?: string;
  orderType?: string;
  orderMethod?: string;
  /** Default: the clock's now. */
  createdAt?: Date | string;
  /** Default: the store's currency, else the base currency (reference §5.3, UNCERTAIN). */
  currency?: string;
  /** Kopiyky. Defaults: summ = items total (or totalSumm), totalSumm = summ. */
  summ?: Kopiyky;
  totalSumm?: Kopiyky;
  purchaseSumm?: Kopiyky;
  /** Copied from the customer when omitted (an order keeps its own copy, reference §6). */
  firstName?: string;
  lastName?: string;
  patronymic?: string;
  email?: string;
  phone?: string;
  customerId?: number;
  managerId?: number;
  customerComment?: string;
  managerComment?: string;
  items?: OrderItemInput[];
  payments?: Omit<PaymentInput, 'orderId'>[];
  /** Used when the payments make the order fully paid; default its createdAt. */
  fullPaidAt?: Date | string;
}

export function buildOrder(
  input: OrderInput,
  context: {
    id: number;
    site: Site;
    customer: Customer | undefined;
    baseCurrency: string | undefined;
    time: AccountTime;
    nextItemId: () => number;
  },
): Order {
  const { id, site, customer, time } = context;
  const items = (input.items ?? []).map((item) => ({
    id: context.nextItemId(),
    productName: item.productName,
    quantity: item.quantity ?? 1,
    initialPrice: assertKopiyky(item.initialPrice, 'Item price'),
  }));
  const itemsTotal = items.reduce((sum, item) => sum + item.initialPrice * item.quantity, 0);
  const summ = assertKopiyky(input.summ ?? (items.length > 0 ? itemsTotal : (input.totalSumm ?? 0)), 'summ');
  const createdAt = time.normalize(input.createdAt ?? time.now(), 'createdAt');
  return {
    id,
    number: input.number ?? `${id}A`,
    externalId: input.externalId,
    site: site.code,
    status: input.status ?? DEFAULT_ORDER_STATUS,
    orderType: input.orderType,
    orderMethod: input.orderMethod,
    createdAt,
    statusUpdatedAt: createdAt,
    currency: input.currency ?? site.currency ?? context.baseCurrency ?? FALLBACK_CURRENCY,
    summ,
    totalSumm: assertKopiyky(input.totalSumm ?? summ, 'totalSumm'),
    prepaySum: 0,
    purchaseSumm: assertKopiyky(input.purchaseSumm ?? 0, 'purchaseSumm'),
    firstName: input.firstName ?? customer?.firstName,
    lastName: input.lastName ?? customer?.lastName,
    patronymic: input.patronymic ?? customer?.patronymic,
    email: input.email ?? customer?.email,
    phone: input.phone ?? customer?.phones[0],
    customerId: input.customerId,
    managerId: input.managerId,
    customerComment: input.customerComment,
    managerComment: input.managerComment,
    items,
    paymentIds: [],
  };
}
