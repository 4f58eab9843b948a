import { describe, expect, it } from 'vitest';
import { CallbackVerifier, type MerchantKey } from '../../../electron/core/relay/verify';
import { signHs256 } from '../../relay/support/callbacks';

const KEYS: MerchantKey[] = [
  { merchantId: 'm-one', secretKey: 'first-merchant-key' },
  { merchantId: 'm-two', secretKey: 'second-merchant-key' },
];
const body = (payload: object, key: string) => JSON.stringify({ token: signHs256(payload, key) });

describe('callback verification', () => {
  it('names the merchant whose key verifies the token, and the invoice and payment', async () => {
    const verifier = new CallbackVerifier(async () => KEYS);
    const result = await verifier.verify(
      body({ invoiceId: 'inv-1', paymentId: 'pay-1', iat: 1 }, 'second-merchant-key'),
    );
    expect(result).toMatchObject({
      ok: true,
      callback: { merchantId: 'm-two', invoiceId: 'inv-1', paymentId: 'pay-1' },
    });
  });

  it('gives a re-signed delivery of the same callback the same fingerprint, and another callback another', async () => {
    const verifier = new CallbackVerifier(async () => KEYS);
    const payload = { invoiceId: 'inv-1', paymentId: 'pay-1', status: 'FINISHED' };
    const fingerprint = async (extra: object) => {
      const result = await verifier.verify(body({ ...payload, ...extra }, 'first-merchant-key'));
      return result.ok ? result.callback.fingerprint : undefined;
    };
    const first = await fingerprint({ iat: 100 });
    expect(first).toBeDefined();
    expect(await fingerprint({ iat: 105 })).toBe(first);
    expect(await fingerprint({ iat: 105, status: 'REVERSED' })).not.toBe(first);
  });

  it('accepts the older field names orderId and id (reference §5)', async () => {
    const verifier = new CallbackVerifier(async () => KEYS);
    expect(
      await verifier.verify(body({ orderId: 'inv-9', id: 'pay-9' }, 'first-merchant-key')),
    ).toMatchObject({
      ok: true,
      callback: { invoiceId: 'inv-9', paymentId: 'pay-9' },
    });
  });

  it.each([
    ['another key', body({ invoiceId: 'inv-1' }, 'someone-elses-key')],
    ['not JSON', 'token=abc'],
    ['no token', JSON.stringify({ invoiceId: 'inv-1' })],
    ['an unsigned token', JSON.stringify({ token: 'eyJhbGciOiJub25lIn0.eyJpbnZvaWNlSWQiOiJpbnYtMSJ9.' })],
  ])('calls a callback forged when it has %s', async (_what, text) => {
    const verifier = new CallbackVerifier(async () => KEYS);
    expect(await verifier.verify(text)).toEqual({ ok: false, reason: 'forged' });
  });

  it('reads the keys again when none fits, so a key saved a moment ago verifies', async () => {
    let keys: MerchantKey[] = [KEYS[0]!];
    let now = 0;
    const verifier = new CallbackVerifier(
      async () => keys,
      () => now,
    );
    const signed = body({ invoiceId: 'inv-1' }, 'second-merchant-key');
    expect(await verifier.verify(signed)).toMatchObject({ ok: false });
    keys = KEYS;
    now += 5_000;
    expect(await verifier.verify(signed)).toMatchObject({ ok: true, callback: { merchantId: 'm-two' } });
  });
});
