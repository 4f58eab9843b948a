/**
 * What the app needs to work with the seeded data: a team profile in the app's import format
 * (`uapay-desk.team-profile`, format 1 — written by hand here, since the sandbox imports no app
 * code; a test checks it against the app's own parser) and, separately, the secrets the app keeps
 * in its keychain.
 */
import {
  DEMO_API_KEY,
  DEMO_MERCHANTS,
  DEMO_SMTP,
  SEED_STATES,
  STATUS_MAPPING,
  type SeedState,
} from './account';

export interface TeamProfile {
  kind: 'uapay-desk.team-profile';
  format: 1;
  exportedAt: string;
  exportedBy: { app: string; version: string };
  settings: {
    retailCrm: { url: string; siteCodes: string[] };
    merchants: {
      id: string;
      name: string;
      clientId: string;
      environment: 'test';
      confirmManually: boolean;
      paymentTypeCode: string;
      paymentTypeLocked: boolean;
    }[];
    statusMapping: Record<SeedState, string>;
    smtp: {
      host: string;
      port: number;
      secure: boolean;
      user: string;
      fromAddress: string;
      fromName: string;
    };
    relay: null;
    holdLifetimeHours: number;
    payLinkLifetimeHours: number;
  };
}

/** For the keychain: the RetailCRM key, the SMTP password and each merchant's key by merchant id. */
export interface DemoSecrets {
  retailCrmApiKey: string;
  smtpPassword: string;
  merchantKeys: Record<string, string>;
}

export interface ProfileInput {
  retailCrmUrl: string;
  smtpHost: string;
  smtpPort: number;
  exportedAt: Date;
  holdLifetimeHours: number;
  payLinkLifetimeHours: number;
}

export function demoProfile(input: ProfileInput): TeamProfile {
  return {
    kind: 'uapay-desk.team-profile',
    format: 1,
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: { app: 'UAPAY Desk sandbox', version: '1' },
    settings: {
      retailCrm: { url: input.retailCrmUrl, siteCodes: [] },
      merchants: DEMO_MERCHANTS.map((merchant) => ({
        id: merchant.id,
        name: merchant.name,
        clientId: merchant.clientId,
        environment: 'test',
        confirmManually: merchant.confirmManually,
        paymentTypeCode: merchant.paymentTypeCode,
        // Seeded payments of these types exist, as the app would lock the link (DESIGN.md workflow 3).
        paymentTypeLocked: true,
      })),
      statusMapping: Object.fromEntries(SEED_STATES.map((state) => [state, STATUS_MAPPING[state]])) as Record<
        SeedState,
        string
      >,
      smtp: {
        host: input.smtpHost,
        port: input.smtpPort,
        secure: false,
        user: DEMO_SMTP.user,
        fromAddress: DEMO_SMTP.fromAddress,
        fromName: DEMO_SMTP.fromName,
      },
      relay: null,
      holdLifetimeHours: input.holdLifetimeHours,
      payLinkLifetimeHours: input.payLinkLifetimeHours,
    },
  };
}

export function demoSecrets(): DemoSecrets {
  return {
    retailCrmApiKey: DEMO_API_KEY,
    smtpPassword: DEMO_SMTP.password,
    merchantKeys: Object.fromEntries(DEMO_MERCHANTS.map((merchant) => [merchant.id, merchant.secretKey])),
  };
}
