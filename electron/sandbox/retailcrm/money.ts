/**
 * Money in the fake is an integer number of kopiyky; RetailCRM prints decimal hryvnias as JSON numbers
 * (reference §3.3: `amount`, `totalSumm`, `prepaySum` are doubles in the order's currency). Conversion goes
 * through the decimal text, never by multiplying a float. The sandbox keeps its own copy of this (it may not
 * import electron/shared), so a misunderstanding in the client is not copied into the fake.
 */

/** An integer number of kopiyky (1/100 UAH). */
export type Kopiyky = number;

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

export function assertKopiyky(value: number, what: string): Kopiyky {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative whole number of kopiyky, got ${value}`);
  }
  return value;
}

/**
 * A JSON number (or numeric string) of hryvnias from a request → kopiyky, or undefined when it is not a
 * non-negative amount with at most two decimals. Being strict about a third decimal is a choice: it
 * catches float sums (0.30000000000000004) in a client, which the real CRM may or may not round.
 */
export function parseHryvnias(value: unknown): Kopiyky | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = plainDecimal(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  const kop = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return kop > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(kop);
}

/** Kopiyky → the JSON number RetailCRM prints: 3077040 → 30770.4, 30000 → 300. */
export function toHryvnias(amount: Kopiyky): number {
  const whole = Math.trunc(amount / 100);
  const cents = amount % 100;
  return Number(`${whole}.${String(cents).padStart(2, '0')}`);
}

function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
