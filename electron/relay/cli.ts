import { parseArgs } from 'node:util';
import { hasPublicUrl, readConfig } from './config';
import { CHANNEL_ID_PATTERN, TOKEN_ID_PATTERN } from './credentials';
import { addDesktop, pairNewChannel, type PairingResult } from './pairing';
import { openStore } from './store/open';
import type { RelayStore } from './store/types';

export const USAGE = `Usage (configuration from the environment, as for the server):
  relay                                          serve
  relay pair [--label TEXT] [--json]             new channel + first desktop token → pairing code
  relay add-desktop CHANNEL [--label TEXT] [--json]  another desktop token for a channel
  relay channels [--json]                        channels, event counts, token ids and labels
  relay revoke TOKEN_ID                          refuse a token from now on (open streams close)`;

/**
 * The admin commands. They write to the same store as the running server (SQLite in WAL mode and
 * PostgreSQL both allow that); the server notices a revocation within a fraction of a second.
 * Answers the exit code.
 */
export async function runCli(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (line) => console.log(line),
  err: (line: string) => void = (line) => console.error(line),
): Promise<number> {
  if (!['pair', 'add-desktop', 'channels', 'revoke'].includes(command)) {
    err(command === 'help' || command === '--help' ? USAGE : `Unknown command "${command}".\n${USAGE}`);
    return command === 'help' || command === '--help' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, label: { type: 'string', default: '' } },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const config = readConfig(env);
  const store = await openStore(config, { watch: false });
  try {
    switch (command) {
      case 'pair': {
        if (!hasPublicUrl(env)) err(`RELAY_PUBLIC_URL is not set: the URLs below use ${config.publicUrl}.`);
        const result = await pairNewChannel(store, config.publicUrl, values.label, Date.now());
        printPairing(result, values.json, out);
        return 0;
      }
      case 'add-desktop': {
        const channel = positionals[0] ?? '';
        const result = CHANNEL_ID_PATTERN.test(channel)
          ? await addDesktop(store, config.publicUrl, channel, values.label, Date.now())
          : undefined;
        if (!result) {
          err(`No channel "${channel}" (see "relay channels").`);
          return 1;
        }
        printPairing(result, values.json, out);
        return 0;
      }
      case 'channels':
        await printChannels(store, values.json, out);
        return 0;
      case 'revoke': {
        const tokenId = positionals[0] ?? '';
        if (!TOKEN_ID_PATTERN.test(tokenId) || !(await store.revokeToken(tokenId, Date.now()))) {
          err(`No active token "${tokenId}" (see "relay channels").`);
          return 1;
        }
        out(`Token ${tokenId} revoked.`);
        return 0;
      }
      default:
        return 2;
    }
  } finally {
    await store.close();
  }
}

function printPairing(result: PairingResult, json: boolean, out: (line: string) => void): void {
  if (json) {
    out(JSON.stringify(result));
    return;
  }
  out(`Channel:      ${result.channelId}`);
  out(`Token id:     ${result.tokenId}  (for "relay revoke")`);
  out(`Callback URL: ${result.callbackUrl}`);
  out(`Events URL:   ${result.eventsUrl}`);
  out('');
  out('Pairing code (paste it into UAPAY Desk; it holds the token, which is shown only now):');
  out(result.pairingCode);
}

async function printChannels(store: RelayStore, json: boolean, out: (line: string) => void): Promise<void> {
  const channels = await store.listChannels();
  if (json) {
    out(JSON.stringify({ channels }));
    return;
  }
  if (channels.length === 0) out('No channels yet: "relay pair" creates one.');
  for (const channel of channels) {
    out(`${channel.channelId}  created ${iso(channel.createdAt)}  events ${channel.events}`);
    for (const token of channel.tokens) {
      const state = token.revokedAt === null ? 'active' : `revoked ${iso(token.revokedAt)}`;
      out(`  token ${token.tokenId}  ${state}  ${token.label}`);
    }
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
