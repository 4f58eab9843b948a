import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';

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

/**
 * Posts a body to a callback URL as UAPAY does, over a connection of its own (so a relay restart or
 * a cut leaves no stale one); resolves to the HTTP status.
 */
export function postCallback(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
