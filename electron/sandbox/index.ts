/**
 * The whole sandbox in one call: the RetailCRM and UAPAY fakes on one SandboxClock, the mail
 * catcher (SMTP + HTTP) and the Demo seed, on 127.0.0.1 (ports 0 = free ones). Tests, benchmarks,
 * Demo mode and `npm run sandbox` (cli.ts) all start it here.
 */
import { SandboxClock } from './clock';
import { createMailCatcher, type MailCatcher, type MailCatcherOptions } from './mail';
import { createRetailCrmFake, type RetailCrmFake, type RetailCrmFakeOptions } from './retailcrm';
import {
  DEFAULT_SEED_SIZE,
  DEMO_API_KEY,
  DEMO_MERCHANTS,
  LIMITED_API_KEY,
  seedSandbox,
  type DemoSecrets,
  type SeedResult,
  type TeamProfile,
} from './seed';
import { createUapayFake, type RateLimit, type UapayFake, type UapayFakeOptions } from './uapay';

export { SandboxClock } from './clock';
export type { MailCatcher } from './mail';
export type { DemoSecrets, SeedResult, TeamProfile } from './seed';

/** The sandbox listens only on the loopback interface; `localhost` is taken as 127.0.0.1. */
const SANDBOX_HOSTS = ['127.0.0.1', 'localhost'] as const;
const BIND_HOST = '127.0.0.1';

export interface SandboxPorts {
  retailcrm?: number;
  uapay?: number;
  smtp?: number;
  /** The mail catcher's HTTP listing. */
  mailHttp?: number;
}

export interface SandboxOptions {
  /** 127.0.0.1 (default) or localhost; anything else is refused. */
  host?: string;
  /** Each defaults to 0: a free port. */
  ports?: SandboxPorts;
  /** Orders to seed (default DEFAULT_SEED_SIZE, 300); 0 = the account setup only. */
  size?: number;
  seed?: number;
  /** Default: a new clock at real time. */
  clock?: SandboxClock;
  /** Passed to the RetailCRM fake (rateLimitPerSecond, latencyMs, timeZone, logger). */
  retailcrm?: Omit<RetailCrmFakeOptions, 'clock'>;
  /** Passed to the UAPAY fake (callbackTimeFactor, holdLifetimeMs, …), plus its rate limit (default none). */
  uapay?: Omit<UapayFakeOptions, 'clock'> & { rateLimit?: RateLimit | null };
  mail?: Omit<MailCatcherOptions, 'clock'>;
  /** Set on every seeded UAPAY invoice (e.g. Demo mode's callback receiver). */
  callbackUrl?: string;
}

export interface SandboxMerchant {
  id: string;
  name: string;
  clientId: string;
  secretKey: string;
  confirmManually: boolean;
  paymentTypeCode: string;
}

export interface Sandbox {
  clock: SandboxClock;
  retailcrm: { url: string; apiKey: string; limitedApiKey: string; fake: RetailCrmFake };
  uapay: { url: string; merchants: SandboxMerchant[]; fake: UapayFake };
  mail: { smtpHost: string; smtpPort: number; url: string; catcher: MailCatcher };
  seed: Omit<SeedResult, 'profile' | 'secrets'>;
  /** The team profile that points the app at this sandbox (the app's import format). */
  profile: TeamProfile;
  /** What the app keeps in its keychain to use the profile. */
  secrets: DemoSecrets;
  /** Closes everything; safe to call twice. */
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? BIND_HOST;
  if (!(SANDBOX_HOSTS as readonly string[]).includes(host)) {
    throw new RangeError(`The sandbox listens only on ${SANDBOX_HOSTS.join(' or ')}, not ${host}`);
  }
  const ports = options.ports ?? {};
  const clock = options.clock ?? new SandboxClock();
  const retailcrm = createRetailCrmFake({ ...options.retailcrm, clock });
  const { rateLimit, ...uapayOptions } = options.uapay ?? {};
  const uapay = createUapayFake({ ...uapayOptions, clock });
  const catcher = createMailCatcher({ ...options.mail, clock });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= Promise.all([retailcrm.close(), uapay.close(), catcher.close()]).then(() => undefined);
    return stopped;
  };

  try {
    const retailCrmUrl = await retailcrm.listen(ports.retailcrm ?? 0, BIND_HOST);
    const uapayUrl = await uapay.listen(ports.uapay ?? 0, BIND_HOST);
    const mail = await catcher.listen({
      smtpPort: ports.smtp ?? 0,
      httpPort: ports.mailHttp ?? 0,
      host: BIND_HOST,
    });
    if (rateLimit) uapay.control.setRateLimit(rateLimit);
    const { profile, secrets, ...seed } = seedSandbox(
      { retailcrm, uapay, retailCrmUrl, smtp: { host: BIND_HOST, port: mail.smtpPort } },
      {
        size: options.size ?? DEFAULT_SEED_SIZE,
        seed: options.seed,
        holdLifetimeMs: uapayOptions.holdLifetimeMs,
        crmTimeZone: options.retailcrm?.timeZone,
        callbackUrl: options.callbackUrl,
      },
    );
    return {
      clock,
      retailcrm: { url: retailCrmUrl, apiKey: DEMO_API_KEY, limitedApiKey: LIMITED_API_KEY, fake: retailcrm },
      uapay: { url: uapayUrl, merchants: DEMO_MERCHANTS.map((merchant) => ({ ...merchant })), fake: uapay },
      mail: { smtpHost: BIND_HOST, smtpPort: mail.smtpPort, url: mail.url, catcher },
      seed,
      profile,
      secrets,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
