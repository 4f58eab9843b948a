import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../electron/core/errors';
import { RELAY_TOKEN } from '../../../electron/core/secrets/accounts';
import { encodePairingCode, PAIRING_CODE_PREFIX } from '../../../electron/shared/pairingCode';
import type { DeskError } from '../../../electron/shared/errors';
import { openDesktop, TestRelay } from './support';

async function refusal(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskFailure);
  return (error as DeskFailure).info;
}

const raw = (value: unknown) =>
  PAIRING_CODE_PREFIX + Buffer.from(JSON.stringify(value)).toString('base64url');

describe('relay pairing', () => {
  it('pairs with a good code: saves both addresses and the token, then connects', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await openDesktop();
    expect(desk.service.status()).toMatchObject({ paired: false, connection: { state: 'off' } });

    const status = await desk.service.pair(`  ${pairing.pairingCode}\n`);
    expect(status).toMatchObject({ paired: true, tokenSaved: true, relayOrigin: relay.base });
    expect((await desk.settings.get()).relay).toEqual({
      callbackUrl: pairing.callbackUrl,
      eventsUrl: pairing.eventsUrl,
    });
    expect(await desk.secretStore.get(RELAY_TOKEN)).toBe(pairing.token);
    await desk.waitForStatus((s) => s.connection.state === 'connected');
    expect(relay.relay.streamCount()).toBe(1);
    expect(desk.statuses.map((s) => s.connection.state)).toEqual(
      expect.arrayContaining(['connecting', 'connected']),
    );
    expect(JSON.stringify(desk.statuses)).not.toContain(pairing.token);
  });

  it.each([
    ['', 'empty', /Paste the pairing code/],
    ['https://relay.example.com/events/abc', 'prefix', /not a relay pairing code/],
    [`${PAIRING_CODE_PREFIX}%%%`, 'encoding', /damaged/],
    [
      raw({ v: 2, callbackUrl: 'https://r.example', eventsUrl: 'https://r.example', token: 'x' }),
      'version',
      /relay version/,
    ],
    [
      raw({ v: 1, callbackUrl: 'https://r.example/c', eventsUrl: 'ftp://r.example/e', token: 'x' }),
      'eventsUrl',
      /no valid events address/,
    ],
    [
      raw({ v: 1, callbackUrl: 'https://r.example/c', eventsUrl: 'https://r.example/e', token: 'short' }),
      'token',
      /no valid desktop token/,
    ],
  ])('refuses a malformed code (%#) with a message saying what is wrong', async (code, problem, message) => {
    const desk = await openDesktop();
    const error = await refusal(desk.service.pair(code));
    expect(error).toMatchObject({ kind: 'pairing', problem });
    expect(error.message).toMatch(message);
    expect((await desk.settings.get()).relay).toBeNull();
    expect(await desk.secretStore.get(RELAY_TOKEN)).toBeNull();
  });

  it('refuses a revoked code after asking the relay, and saves nothing', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    await relay.store.revokeToken(pairing.tokenId, Date.now());
    const desk = await openDesktop();

    const error = await refusal(desk.service.pair(pairing.pairingCode));
    expect(error).toMatchObject({ kind: 'pairing', problem: 'refused' });
    expect(error.message).toContain('revoked or is wrong');
    expect((await desk.settings.get()).relay).toBeNull();
  });

  it('refuses a well-formed code with a token the relay never issued', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const forged = encodePairingCode({ ...pairing, token: `${pairing.tokenId}.${'A'.repeat(43)}` });
    const desk = await openDesktop();
    expect(await refusal(desk.service.pair(forged))).toMatchObject({ kind: 'pairing', problem: 'refused' });
  });

  it('says the relay is unreachable when nothing answers at the code’s address', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    await relay.down();
    const desk = await openDesktop();
    expect(await refusal(desk.service.pair(pairing.pairingCode))).toMatchObject({
      kind: 'network',
      service: 'relay',
      reason: 'unreachable',
    });
  });

  it('unpairs: the token is deleted, the stream closes, the state is off', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await openDesktop();
    await desk.service.pair(pairing.pairingCode);
    await desk.waitForStatus((s) => s.connection.state === 'connected');

    const status = await desk.service.unpair();
    expect(status).toMatchObject({ paired: false, tokenSaved: false, connection: { state: 'off' } });
    expect(await desk.secretStore.get(RELAY_TOKEN)).toBeNull();
    expect((await desk.settings.get()).relay).toBeNull();
    await desk.waitForStatus(() => relay.relay.streamCount() === 0);
  });

  it('shows "no token" for a relay address from a team profile without this desktop’s own code', async () => {
    const relay = await TestRelay.start();
    const pairing = await relay.pair();
    const desk = await openDesktop();
    await desk.settings.store.update((s) => ({
      ...s,
      relay: { callbackUrl: pairing.callbackUrl, eventsUrl: pairing.eventsUrl },
    }));
    await desk.service.refresh();
    expect(desk.service.status()).toMatchObject({
      paired: true,
      tokenSaved: false,
      connection: { state: 'no_token' },
    });
  });
});
