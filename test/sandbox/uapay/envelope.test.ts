import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ERROR_HTTP_STATUS } from '../../../electron/sandbox/uapay';
import { key, MERCHANT, startFake } from './harness';

describe('UAPAY fake: the signed envelope (reference §2)', () => {
  it('answers a signed request with a reply token signed with the same merchant key', async () => {
    const { call } = await startFake();
    const result = await call('sessions/create', { params: { clientId: MERCHANT.clientId } });
    expect(result.http).toBe(200);
    expect(Object.keys(result.body)).toEqual(['status', 'data']);
    expect(result.body.status).toBe(1);
    expect(Object.keys(result.body.data)).toEqual(['token']);
    // harness.call verified the token with the merchant key; the payload is the result plus iat.
    expect(result.payload).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), iat: expect.any(Number) });
  });

  it('uses the key string as is: a token signed with the base64-decoded key is refused', async () => {
    const { call, origin } = await startFake();
    const decoded = Buffer.from(MERCHANT.secretKey, 'base64');
    const token = await new SignJWT({
      params: { clientId: MERCHANT.clientId },
      iat: Math.floor(Date.now() / 1000),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(decoded);
    const response = await fetch(`${origin}/api/sessions/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ params: { clientId: MERCHANT.clientId }, token }),
    });
    expect(await response.json()).toEqual({
      status: 0,
      error: { code: 'TOKEN_ERROR', message: 'Token signature is invalid' },
    });
    // …while the raw string's bytes work (the harness signs with them).
    expect((await call('sessions/create', { params: { clientId: MERCHANT.clientId } })).body.status).toBe(1);
  });

  it('refuses a request signed with a wrong key, unsigned and without a reply token', async () => {
    const { call } = await startFake();
    const result = await call('sessions/create', {
      params: { clientId: MERCHANT.clientId },
      secretKey: 'not the key',
    });
    expect(result.http).toBe(ERROR_HTTP_STATUS);
    expect(result.body).toEqual({
      status: 0,
      error: { code: 'TOKEN_ERROR', message: 'Token signature is invalid' },
    });
  });

  it('refuses a request without a token, and one whose token is not a JWT', async () => {
    const { origin } = await startFake();
    const post = async (body: unknown) =>
      (
        await fetch(`${origin}/api/sessions/create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    expect(await post({ params: { clientId: MERCHANT.clientId } })).toMatchObject({
      status: 0,
      error: { code: 'TOKEN_ERROR' },
    });
    expect(await post({ params: { clientId: MERCHANT.clientId }, token: 'abc.def' })).toMatchObject({
      status: 0,
      error: { code: 'TOKEN_ERROR' },
    });
  });

  it('answers unreadable JSON with FORMAT_ERROR in the error envelope', async () => {
    const { origin } = await startFake();
    const response = await fetch(`${origin}/api/sessions/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(ERROR_HTTP_STATUS);
    expect(await response.json()).toMatchObject({ status: 0, error: { code: 'FORMAT_ERROR' } });
  });

  it('refuses an unknown clientId', async () => {
    const { call } = await startFake();
    const result = await call('sessions/create', { params: { clientId: '999999' } });
    expect(result.body).toEqual({
      status: 0,
      error: { code: 'CLIENT_NOT_FOUND', message: 'Client not found' },
    });
  });

  it('names a missing clientId in FORMAT_ERROR fields', async () => {
    const { call } = await startFake();
    const result = await call('sessions/create', { params: {} });
    expect(result.body).toEqual({
      status: 0,
      error: { code: 'FORMAT_ERROR', fields: { params: { clientId: 'REQUIRED' } } },
    });
  });

  it('accepts iat within 20 s of the shared clock and refuses it beyond, with TIMELIMIT_ERROR', async () => {
    const { call, clock } = await startFake();
    clock.advance(3 * 24 * 3600_000); // the fake's clock, not the machine's, is the reference
    // Each call is stamped just before it is sent: a slow machine must not move the boundary.
    const at = (offset: number) => Math.floor(clock.now() / 1000) + offset;
    const params = { clientId: MERCHANT.clientId };
    expect((await call('sessions/create', { params, iat: at(-18) })).body.status).toBe(1);
    expect((await call('sessions/create', { params, iat: at(18) })).body.status).toBe(1);
    expect((await call('sessions/create', { params, iat: at(-22) })).body).toEqual({
      status: 0,
      error: { code: 'TIMELIMIT_ERROR' },
    });
    expect((await call('sessions/create', { params, iat: at(22) })).body.error.code).toBe('TIMELIMIT_ERROR');
    // The machine's real time is three days behind the shared clock now: refused.
    const real = Math.floor(Date.now() / 1000);
    expect((await call('sessions/create', { params, iat: real })).body.error.code).toBe('TIMELIMIT_ERROR');
  });

  it('never dates a reply token in the future of the shared clock', async () => {
    const { call, clock } = await startFake();
    clock.advance(3600_000);
    const result = await call('sessions/create', { params: { clientId: MERCHANT.clientId } });
    const iat = result.payload!.iat!;
    expect(iat).toBeLessThanOrEqual(clock.now() / 1000);
    expect(iat).toBeGreaterThan(clock.now() / 1000 - 5);
  });

  it('takes params and data from the verified token, ignoring different plain copies', async () => {
    const { call, session } = await startFake();
    const sessionId = await session();
    const result = await call('invoicer/invoices/create', {
      params: { sessionId, systemType: 'ECOM' },
      data: { externalId: 'FROM-TOKEN', type: 'PAY', amount: 5000, description: 'x' },
      plain: { params: { sessionId: 'bogus' }, data: { externalId: 'FROM-PLAIN', amount: 1 } },
    });
    expect(result.body.status).toBe(1);
    const shown = await call('invoicer/invoices/show', { params: { sessionId, id: result.payload!.id } });
    expect(shown.payload).toMatchObject({ externalId: 'FROM-TOKEN', amount: 5000 });
  });

  it('accepts the token-only form {params, token} of the community library', async () => {
    const { origin } = await startFake();
    const payload = { params: { clientId: MERCHANT.clientId }, iat: Math.floor(Date.now() / 1000) };
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(key(MERCHANT.secretKey));
    const response = await fetch(`${origin}/api/sessions/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const body = (await response.json()) as { status: number; data: { token: string } };
    expect(body.status).toBe(1);
    expect(decodeJwt(body.data.token)).toHaveProperty('id');
  });
});
