import { createHmac, randomUUID } from 'node:crypto';

/**
 * Callback bodies shaped as UAPAY sends them (reference §5): `{"token": "<HS256 JWT>"}` whose
 * payload looks like the documented example. The relay cannot check the signature; the key here
 * only makes the tokens realistic.
 */
export function uapayCallback(fields: Record<string, unknown> = {}, key = 'relay-test-key'): string {
  const payload = {
    paymentId: randomUUID(),
    invoiceId: randomUUID(),
    externalId: 'order-1',
    amount: 100000,
    status: 'FINISHED',
    type: 'PAY',
    paymentStatus: 'FINISHED',
    iat: Math.floor(Date.now() / 1000),
    ...fields,
  };
  return JSON.stringify({ token: signHs256(payload, key) });
}

export function signHs256(payload: unknown, key: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', key).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}
