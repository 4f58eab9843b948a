/**
 * Readings: the fake's switch for each point the reference marks UNCERTAIN, with every plausible
 * value. The first value of each switch is the fake's historic guess (the default, so Demo mode and
 * tests that name no reading are unchanged). The rules that act on them stay in their own modules
 * (statuses.ts, views.ts, invoices.ts, sessions.ts, errors.ts); this module only names the values
 * and the profiles tests run the money suites under.
 *
 * A client that survives every profile depends on no guess.
 */

/** Every switch's values, the default first. Status pairs read `status/paymentStatus` (§4). */
export const READING_VALUES = {
  /**
   * §4, §3.9, §8.7: the pair after a PARTIAL payments/reverse. `unchanged` keeps the pair the payment
   * had (FINISHED/FINISHED, or the capture's pair). Under every value the rest stays reversible.
   */
  partialReverse: ['FINISHED/RETURNED', 'unchanged', 'REVERSED/REVERSED'],
  /** §4, §3.9, §8.7: the pair once the whole captured amount is reversed. */
  fullReverse: ['REVERSED/REVERSED', 'REVERSED/RETURNED', 'CANCELED/REVERSED'],
  /**
   * §3.5 documents `reversedAt` only on payments/show; §3.3's payment list is truncated.
   * `everywhere`: set on payments/show and on invoices/show payments; `payments/show`: invoices/show
   * payments carry no such field; `nowhere`: absent from invoices/show, always null on payments/show.
   */
  reversedAt: ['everywhere', 'payments/show', 'nowhere'],
  /** §4: the pair of a declined card attempt (both are "failure" values in the plugins). */
  decline: ['CANCELED/REJECTED', 'CANCELED/CANCELED'],
  /**
   * §3.2 [D2], §4: the invoice after a declined attempt: still ACTIVE (another attempt allowed) or
   * INACTIVE (the one-time invoice is spent; the page refuses it).
   */
  afterDecline: ['ACTIVE', 'INACTIVE'],
  /** §3.3: order of an invoice's `payments[]` (undocumented; the plugins read payments[0]). */
  paymentsOrder: ['oldest-first', 'newest-first'],
  /** §3.7, §8.7: a payment's `amount` after a PARTIAL capture: what was captured, or still what was held. */
  partialCaptureAmount: ['captured', 'authorised'],
  /** §4 "presumably FINISHED/FINISHED", §8.7: the pair after payments/complete. */
  capture: ['FINISHED/FINISHED', 'PAID/FINISHED'],
  /** §4 "CANCELED?", §8.6, §8.7: the pair after payments/cancel, and after a hold expires. */
  cancel: ['CANCELED/CANCELED', 'REVERSED/REVERSED', 'CANCELED/CLOSED'],
  /**
   * §1, §8.1: the HTTP status of a handled error envelope (`{"status":0,"error":…}`); the body is the
   * same under every value. The rate limit (429) and injected faults that name a status keep theirs.
   */
  errorHttpStatus: [400, 200, 422, 500],
  /**
   * §3.1, §8.3: the error for an unknown or expired session. `SESSION_*`: SESSION_NOT_FOUND /
   * SESSION_EXPIRED; `TOKEN_EXPIRED` for both (no word of the session); `FORMAT_ERROR` with
   * `fields.params.sessionId: "INVALID"`.
   */
  sessionError: ['SESSION_*', 'TOKEN_EXPIRED', 'FORMAT_ERROR'],
  /**
   * §3.1, §8.3: session lifetime. `standard`: the fake's `sessionLifetimeMs` option (24 h by default);
   * `short`: SHORT_SESSION_LIFETIME_MS of sandbox time, so a client meets expiry within a test. The
   * sandbox clock runs with the wall clock, so which call meets the expiry depends on timing.
   */
  sessionLifetime: ['standard', 'short'],
  /**
   * §6.1, §8.5: invoices/create with an `externalId` this merchant already used: `accepted`, or
   * refused as FORMAT_ERROR with `fields.data.externalId: "DUPLICATE"`, or as EXTERNAL_ID_EXISTS.
   */
  duplicateExternalId: ['accepted', 'FORMAT_ERROR', 'EXTERNAL_ID_EXISTS'],
  /**
   * §3.4: invoices/show/list items. `full`: as invoices/show (with payments[] and extraInfo);
   * `summary`: only the fields §3.4 lists before its truncation.
   */
  showList: ['full', 'summary'],
  /** §3.3 says an object; §3.2 and §5 carry it as a JSON string: `extraInfo` in invoices/show. */
  extraInfo: ['object', 'string'],
} as const;

export type ReadingName = keyof typeof READING_VALUES;
export type UapayReadings = { -readonly [K in ReadingName]: (typeof READING_VALUES)[K][number] };

/** Sandbox time a session lasts under `sessionLifetime: 'short'`. */
export const SHORT_SESSION_LIFETIME_MS = 5_000;

export const DEFAULT_READINGS: Readonly<UapayReadings> = Object.freeze(
  Object.fromEntries(
    Object.entries(READING_VALUES).map(([name, values]) => [name, values[0]]),
  ) as UapayReadings,
);

/**
 * The named profiles tests run the money suites under (test/support/readings.ts picks one from
 * DESK_UAPAY_READING). Together they use every value of every switch (a unit test checks it); each
 * strict profile mixes readings so that no two switches always change together.
 */
export const READING_PROFILES = {
  today: DEFAULT_READINGS,
  'strict-a': {
    partialReverse: 'unchanged',
    fullReverse: 'REVERSED/RETURNED',
    reversedAt: 'payments/show',
    decline: 'CANCELED/CANCELED',
    afterDecline: 'INACTIVE',
    paymentsOrder: 'newest-first',
    partialCaptureAmount: 'authorised',
    capture: 'FINISHED/FINISHED',
    cancel: 'REVERSED/REVERSED',
    errorHttpStatus: 200,
    sessionError: 'TOKEN_EXPIRED',
    sessionLifetime: 'short',
    duplicateExternalId: 'accepted',
    showList: 'summary',
    extraInfo: 'string',
  },
  'strict-b': {
    partialReverse: 'REVERSED/REVERSED',
    fullReverse: 'CANCELED/REVERSED',
    reversedAt: 'nowhere',
    decline: 'CANCELED/REJECTED',
    afterDecline: 'INACTIVE',
    paymentsOrder: 'oldest-first',
    partialCaptureAmount: 'captured',
    capture: 'PAID/FINISHED',
    cancel: 'CANCELED/CLOSED',
    errorHttpStatus: 422,
    sessionError: 'FORMAT_ERROR',
    sessionLifetime: 'short',
    duplicateExternalId: 'FORMAT_ERROR',
    showList: 'full',
    extraInfo: 'object',
  },
  'strict-c': {
    partialReverse: 'FINISHED/RETURNED',
    fullReverse: 'REVERSED/REVERSED',
    reversedAt: 'nowhere',
    decline: 'CANCELED/CANCELED',
    afterDecline: 'ACTIVE',
    paymentsOrder: 'newest-first',
    partialCaptureAmount: 'authorised',
    capture: 'PAID/FINISHED',
    cancel: 'CANCELED/CANCELED',
    errorHttpStatus: 500,
    sessionError: 'SESSION_*',
    sessionLifetime: 'standard',
    duplicateExternalId: 'EXTERNAL_ID_EXISTS',
    showList: 'summary',
    extraInfo: 'string',
  },
} as const satisfies Record<string, UapayReadings>;

export type ReadingProfile = keyof typeof READING_PROFILES;
export const READING_PROFILE_NAMES = Object.keys(READING_PROFILES) as ReadingProfile[];

/**
 * Checks a partial set of readings from outside (options, the admin API, an environment variable):
 * every name must be a switch and every value one of its values. Throws TypeError otherwise.
 */
export function checkReadings(partial: unknown): Partial<UapayReadings> {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    throw new TypeError('Readings must be an object of switch → value.');
  }
  for (const [name, value] of Object.entries(partial)) {
    if (!Object.hasOwn(READING_VALUES, name)) {
      throw new TypeError(
        `Unknown reading ${JSON.stringify(name)}; known: ${Object.keys(READING_VALUES).join(', ')}.`,
      );
    }
    const values = READING_VALUES[name as ReadingName] as readonly unknown[];
    if (!values.includes(value)) {
      throw new TypeError(
        `Reading ${name} cannot be ${JSON.stringify(value)}; one of ${values.map((v) => JSON.stringify(v)).join(', ')}.`,
      );
    }
  }
  return partial as Partial<UapayReadings>;
}

/**
 * A profile name, optionally followed by overrides: `strict-a` or `today,afterDecline=INACTIVE`
 * (numbers such as errorHttpStatus=200 are read as numbers). Throws TypeError on anything unknown.
 */
export function parseReadings(text: string): UapayReadings {
  const [profile = '', ...overrides] = text.split(',').map((part) => part.trim());
  const base = (READING_PROFILES as Record<string, UapayReadings>)[profile || 'today'];
  if (!base) {
    throw new TypeError(
      `Unknown readings profile ${JSON.stringify(profile)}; known: ${READING_PROFILE_NAMES.join(', ')}.`,
    );
  }
  const partial: Record<string, unknown> = {};
  for (const override of overrides) {
    const at = override.indexOf('=');
    if (at <= 0) throw new TypeError(`A reading override is name=value, not ${JSON.stringify(override)}.`);
    const raw = override.slice(at + 1);
    partial[override.slice(0, at)] = /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  return { ...base, ...checkReadings(partial) };
}
