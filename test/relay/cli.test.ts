import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/relay/cli';
import { decodePairingCode } from '../../electron/shared/pairingCode';
import { runRelayCli } from './support/child';
import { reportMissingPostgres } from './support/postgresGate';
import { freshStore, storeKinds, type FreshStore } from './support/stores';

for (const kind of storeKinds()) {
  describe(`relay CLI (${kind})`, () => {
    let fresh: FreshStore;
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const env = { ...fresh.env, RELAY_PUBLIC_URL: 'https://relay.example.test' };
      const code = await runCli(
        args[0]!,
        args.slice(1),
        env,
        (l) => out.push(l),
        (l) => err.push(l),
      );
      return { code, out, err };
    };

    beforeEach(async () => {
      fresh = await freshStore(kind);
    });
    afterEach(async () => {
      await fresh.dispose();
    });

    it('pair --json prints one JSON line with callbackUrl, eventsUrl, token and pairingCode', async () => {
      const { code, out, err } = await run('pair', '--json', '--label', 'Front desk');
      expect(code).toBe(0);
      expect(err).toEqual([]);
      expect(out).toHaveLength(1);
      const result = JSON.parse(out[0]!) as Record<string, string>;
      expect(result).toMatchObject({
        callbackUrl: `https://relay.example.test/uapay/callback/${result.channelId}`,
        eventsUrl: `https://relay.example.test/events/${result.channelId}`,
      });
      expect(decodePairingCode(result.pairingCode!)).toEqual({
        ok: true,
        value: { callbackUrl: result.callbackUrl, eventsUrl: result.eventsUrl, token: result.token },
      });
      const token = await (await fresh.open({ watch: false })).findToken(result.tokenId!);
      expect(token).toMatchObject({ channelId: result.channelId, label: 'Front desk', revokedAt: null });
      // Stored hashed: the token itself is nowhere in the record.
      expect(JSON.stringify(token)).not.toContain(result.token!.split('.')[1]);
    });

    it('pair without --json prints the pairing code for a person; add-desktop, channels and revoke work', async () => {
      const paired = await run('pair');
      expect(paired.code).toBe(0);
      const code = paired.out.find((line) => line.startsWith('uapaydesk-relay:'))!;
      const decoded = decodePairingCode(code);
      expect(decoded.ok).toBe(true);
      const channelId = paired.out[0]!.split(/\s+/)[1]!;

      const added = await run('add-desktop', channelId, '--json');
      expect(added.code).toBe(0);
      const second = JSON.parse(added.out[0]!) as { tokenId: string; channelId: string };
      expect(second.channelId).toBe(channelId);
      expect((await run('add-desktop', 'AAAAAAAAAAAAAAAAAAAAAA')).code).toBe(1);

      expect((await run('revoke', second.tokenId)).code).toBe(0);
      expect((await run('revoke', second.tokenId)).code).toBe(1);
      const listed = await run('channels', '--json');
      const { channels } = JSON.parse(listed.out[0]!) as {
        channels: Array<{ channelId: string; tokens: Array<{ tokenId: string; revokedAt: number | null }> }>;
      };
      expect(channels).toHaveLength(1);
      expect(channels[0]!.tokens.map((t) => t.revokedAt === null)).toEqual([true, false]);
      expect((await run('channels')).out.join('\n')).toContain(`token ${second.tokenId}  revoked`);
    });

    it('rejects an unknown command with the usage and exit code 2', async () => {
      const { code, err } = await run('frobnicate');
      expect(code).toBe(2);
      expect(err.join('\n')).toContain('Usage');
    });
  });
}

describe('relay CLI as a process', () => {
  it('runs `relay pair --json` through the start file and prints one JSON line', async () => {
    const fresh = await freshStore('sqlite');
    try {
      const { code, stdout, stderr } = await runRelayCli(['pair', '--json'], fresh.env);
      expect(code, stderr).toBe(0);
      expect(stderr).toContain('RELAY_PUBLIC_URL is not set');
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(
        expect.arrayContaining(['callbackUrl', 'eventsUrl', 'token', 'pairingCode']),
      );
      const bad = await runRelayCli(['pair'], { ...fresh.env, RELAY_PORT: 'x' });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('RELAY_PORT');
    } finally {
      await fresh.dispose();
    }
  });
});

reportMissingPostgres('relay CLI');
