/**
 * The deterministic Demo seed: a fixed seed gives the same stores, customers, orders, numbers and
 * amounts in both fakes (only ids UAPAY itself generates — invoice and payment UUIDs — and the
 * dates, counted back from the sandbox clock's now, differ between runs). 20,000 orders take a few
 * seconds. Fill fresh fakes: references and keys are added, not merged.
 */
import type { RetailCrmFake } from '../retailcrm';
import { DEFAULT_TIME_ZONE } from '../retailcrm/time';
import { DEFAULT_HOLD_LIFETIME_MS, PAY_EXPIRES_AT_TIME_ZONE, type UapayFake } from '../uapay';
import { setUpAccount } from './account';
import { addCustomers, addOrder } from './apply';
import { countByKind, planSeed, type OrderKind } from './plan';
import { demoProfile, demoSecrets, type DemoSecrets, type TeamProfile } from './profile';
import { ZonedTime } from '../zonedTime';

export {
  AUTO_MERCHANT,
  DEMO_API_KEY,
  DEMO_MERCHANTS,
  LIMITED_API_KEY,
  LIMITED_API_KEY_MISSING,
  MANUAL_MERCHANT,
  SEED_STATES,
  STATUS_MAPPING,
} from './account';
export type { OrderKind } from './plan';
export type { DemoSecrets, TeamProfile } from './profile';

const DEFAULT_SEED = 20_260_101;
export const DEFAULT_SEED_SIZE = 300;
/** The app's default link lifetime (settings: payLinkLifetimeHours 72); seeded links use it. */
const DEFAULT_PAY_LINK_LIFETIME_MS = 72 * 3_600_000;

export interface SeedOptions {
  /** Orders to create (default DEFAULT_SEED_SIZE); 0 = the account setup only, no customers or orders. */
  size?: number;
  seed?: number;
  /** Must equal the UAPAY fake's holdLifetimeMs (default DEFAULT_HOLD_LIFETIME_MS, 7 days). */
  holdLifetimeMs?: number;
  payLinkLifetimeMs?: number;
  /** Set on every seeded invoice; none by default. */
  callbackUrl?: string;
  /** Must equal the RetailCRM fake's timeZone (default Europe/Kyiv). */
  crmTimeZone?: string;
}

interface SeedTargets {
  retailcrm: RetailCrmFake;
  /** Must already listen: payment links carry its origin. */
  uapay: UapayFake;
  /** The RetailCRM fake's origin, for the profile. */
  retailCrmUrl: string;
  smtp: { host: string; port: number };
}

export interface SeedResult {
  seed: number;
  size: number;
  customers: number;
  /** Orders per lifecycle state ('other': paid by cash, bank card or credit, or not at all). */
  counts: Record<OrderKind, number>;
  /** Held payments whose hold ends within 24 hours of sandbox time. */
  holdsExpiringWithinDay: number;
  /** The first order number of each kind, for demos and scripts. */
  examples: Partial<Record<OrderKind, string>>;
  profile: TeamProfile;
  secrets: DemoSecrets;
  durationMs: number;
}

const DAY_MS = 24 * 3_600_000;

export function seedSandbox(targets: SeedTargets, options: SeedOptions = {}): SeedResult {
  const started = performance.now();
  const { retailcrm, uapay } = targets;
  if (retailcrm.clock !== uapay.control.clock) throw new RangeError('Both fakes must share one SandboxClock');
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SEED_SIZE;
  const holdLifetimeMs = options.holdLifetimeMs ?? DEFAULT_HOLD_LIFETIME_MS;
  const payLinkLifetimeMs = options.payLinkLifetimeMs ?? DEFAULT_PAY_LINK_LIFETIME_MS;
  const plan = planSeed({ size, seed, holdLifetimeMs, payLinkLifetimeMs });
  const now = retailcrm.clock.now();

  setUpAccount(retailcrm.state, uapay.state);
  const context = {
    crm: retailcrm.state,
    uapay: uapay.state,
    now,
    payLinkLifetimeMs,
    callbackUrl: options.callbackUrl,
    crmTime: new ZonedTime(options.crmTimeZone ?? DEFAULT_TIME_ZONE),
    payExpiresAtTime: new ZonedTime(PAY_EXPIRES_AT_TIME_ZONE),
  };
  const customerIds = addCustomers(context, plan);
  const examples: Partial<Record<OrderKind, string>> = {};
  let holdsExpiringWithinDay = 0;
  for (const order of plan.orders) {
    const number = addOrder(context, plan, order, customerIds);
    examples[order.kind] ??= number;
    const heldFor = order.ageMs - (order.linkAfterMs ?? 0) - (order.payAfterMs ?? 0);
    if (order.kind === 'held' && heldFor > holdLifetimeMs - DAY_MS) holdsExpiringWithinDay++;
  }

  return {
    seed,
    size,
    customers: plan.customers.length,
    counts: countByKind(plan.orders),
    holdsExpiringWithinDay,
    examples,
    profile: demoProfile({
      retailCrmUrl: targets.retailCrmUrl,
      smtpHost: targets.smtp.host,
      smtpPort: targets.smtp.port,
      exportedAt: new Date(now),
      holdLifetimeHours: Math.min(720, Math.max(1, Math.round(holdLifetimeMs / 3_600_000))),
      payLinkLifetimeHours: Math.min(720, Math.max(1, Math.round(payLinkLifetimeMs / 3_600_000))),
    }),
    secrets: demoSecrets(),
    durationMs: Math.round(performance.now() - started),
  };
}
