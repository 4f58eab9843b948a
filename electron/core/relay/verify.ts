import { createHash } from 'node:crypto';
import { verifyToken } from '../uapay/envelope';
import { extraInfoObject } from '../uapay/replies';

/** A merchant's secret key, the one UAPAY signs its callbacks with (reference §5). */
export interface MerchantKey {
  merchantId: string;
  secretKey: string;
}

export interface VerifiedCallback {
  /** The merchant whose key verified the token: the callback's sender. */
  merchantId: string;
  invoiceId: string;
  paymentId?: string;
  /** The invoice's externalId (our order number, reference §5): routes an invoice no row carries. */
  externalId?: string;
  /** The RetailCRM payment our `extraInfo` names, when it names one (§3.2: a JSON string). */
  crmPaymentId?: number;
  /**
   * The same for every delivery of one callback: UAPAY signs each retry afresh (a new `iat`), so
   * the relay stores each as a new event, but the rest of the payload is the same.
   */
  fingerprint: string;
}

/** `forged`: no configured key verifies it; `unusable`: genuine, but it names no invoice. */
export type Verification =
  { ok: true; callback: VerifiedCallback } | { ok: false; reason: 'forged' | 'unusable' };

/** A JWT's shape: three base64url parts. Anything else is refused without trying every key. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** How long merchant keys read from the keychain are reused before they are read again. */
const KEY_CACHE_MS = 60_000;
/** A token no cached key verifies makes the keys be read again, at most this often (a key just changed). */
const KEY_RELOAD_MIN_MS = 2_000;

/**
 * Checks a relayed callback body, `{"token": "<JWT>"}` (reference §5), with each merchant's key:
 * HS256 with the merchant key, like UAPAY's replies. The relay cannot check it (it holds no key),
 * so this is where a forged callback stops: it is never acted on.
 */
export class CallbackVerifier {
  private cached: { keys: MerchantKey[]; at: number } | undefined;

  constructor(
    private readonly loadKeys: () => Promise<MerchantKey[]>,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(body: string): Promise<Verification> {
    const token = tokenOf(body);
    if (token === undefined) return { ok: false, reason: 'forged' };
    let found = await this.tryKeys(token, await this.keys(false));
    if (!found && this.now() - (this.cached?.at ?? 0) >= KEY_RELOAD_MIN_MS)
      found = await this.tryKeys(token, await this.keys(true));
    if (!found) return { ok: false, reason: 'forged' };

    const { merchantId, payload } = found;
    // reference §5: older callbacks named them `orderId` and `id` (1C-Bitrix accepts both spellings).
    const invoiceId = text(payload.invoiceId) ?? text(payload.orderId);
    const paymentId = text(payload.paymentId) ?? text(payload.id);
    if (!invoiceId) return { ok: false, reason: 'unusable' };
    const externalId = text(payload.externalId);
    const crmPaymentId = Number(text(extraInfoObject(payload.extraInfo)?.paymentId));
    return {
      ok: true,
      callback: {
        merchantId,
        invoiceId,
        ...(paymentId && { paymentId }),
        ...(externalId && { externalId }),
        ...(Number.isSafeInteger(crmPaymentId) && crmPaymentId > 0 && { crmPaymentId }),
        fingerprint: fingerprint(merchantId, payload),
      },
    };
  }

  /** Forgets the cached keys (a merchant or key changed). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async keys(reload: boolean): Promise<MerchantKey[]> {
    if (reload || !this.cached || this.now() - this.cached.at >= KEY_CACHE_MS)
      this.cached = { keys: await this.loadKeys(), at: this.now() };
    return this.cached.keys;
  }

  private async tryKeys(
    token: string,
    keys: readonly MerchantKey[],
  ): Promise<{ merchantId: string; payload: Record<string, unknown> } | undefined> {
    for (const key of keys) {
      try {
        return { merchantId: key.merchantId, payload: await verifyToken(key.secretKey, token) };
      } catch {
        // another merchant's callback, or forged: try the next key
      }
    }
    return undefined;
  }
}

function tokenOf(body: string): string | undefined {
  try {
    const data: unknown = JSON.parse(body);
    const token = (data as { token?: unknown } | null)?.token;
    return typeof token === 'string' && JWT_SHAPE.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function fingerprint(merchantId: string, payload: Record<string, unknown>): string {
  // `iat` is the only field a retry changes (each delivery is signed afresh).
  const fields = Object.entries(payload).filter(([name]) => name !== 'iat');
  const canonical = Object.fromEntries(fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256').update(merchantId).update('\n').update(JSON.stringify(canonical)).digest('hex');
}
