/**
 * Every secret value the app has seen in this process, so it can be masked wherever text leaves
 * the core: each log line (log.ts) and each IPC reply (replyGuard.ts). Only in memory; the
 * Secrets service feeds it whenever it reads or writes a value.
 */

/** Shorter values would mask ordinary words in logs; never remembered. */
export const MIN_SECRET_LENGTH = 4;
/**
 * The shortest secret the Secrets service stores. Between MIN_SECRET_LENGTH and this, a value
 * (an SMTP password "shop1") turns up by chance in order numbers, names and amounts, so every list
 * that happened to contain it would have to be masked or withheld: such a secret cannot be guarded.
 */
export const MIN_STORED_SECRET_LENGTH = 8;
export const MASK = '[redacted]';

export class RedactionRegistry {
  /** Each form a secret may take in text (as is, JSON-escaped, URL-encoded) → which secret it is. */
  private readonly forms = new Map<string, string>();
  /** The same forms, longest first, so a longer form is masked before a shorter one inside it. */
  private ordered: string[] = [];

  /** `label` names the secret (its keychain account) in reports; it is never the value. */
  remember(value: string, label: string): void {
    if (value.length < MIN_SECRET_LENGTH) return;
    let added = false;
    for (const form of formsOf(value)) {
      if (this.forms.has(form)) continue;
      this.forms.set(form, label);
      added = true;
    }
    if (added) this.ordered = [...this.forms.keys()].sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.forms.size;
  }

  mask(text: string): string {
    let out = text;
    for (const form of this.ordered) if (out.includes(form)) out = out.split(form).join(MASK);
    return out;
  }

  /**
   * A copy of plain data with every secret masked inside its strings (object keys are kept: a
   * secret there stays for `find` to report).
   */
  maskDeep<T>(value: T): T {
    if (this.forms.size === 0) return value;
    const walk = (item: unknown): unknown => {
      if (typeof item === 'string') return this.mask(item);
      if (Array.isArray(item)) return item.map(walk);
      if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype)
        return Object.fromEntries(Object.entries(item).map(([key, v]) => [key, walk(v)]));
      return item;
    };
    return walk(value) as T;
  }

  /** The labels of the secrets found anywhere in `value` (any plain data), without repeats. */
  find(value: unknown): string[] {
    if (this.forms.size === 0) return [];
    const text = serialize(value);
    const found = new Set<string>();
    for (const [form, label] of this.forms) if (text.includes(form)) found.add(label);
    return [...found];
  }
}

function formsOf(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
  // Form bodies (RetailCRM POSTs) encode a space as `+`.
  forms.add(new URLSearchParams({ v: value }).toString().slice(2));
  return [...forms];
}

function serialize(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { message: v.message } : v)) ?? ''
    );
  } catch {
    return String(value);
  }
}

/** The process-wide registry: the log and the IPC reply path see what the Secrets service saw. */
export const redactions = new RedactionRegistry();

export class SecretLeakError extends Error {
  constructor(
    readonly where: string,
    readonly accounts: string[],
  ) {
    super(`${where} carried a secret (${accounts.join(', ')}); it was withheld.`);
    this.name = 'SecretLeakError';
  }
}

/** Throws when `value` contains a secret the app knows. For the IPC reply path and for tests. */
export function assertNoSecrets(
  value: unknown,
  where: string,
  registry: RedactionRegistry = redactions,
): void {
  const accounts = registry.find(value);
  if (accounts.length > 0) throw new SecretLeakError(where, accounts);
}
