import { newChannelId, newToken } from './credentials';
import { encodePairingCode } from '../shared/pairingCode';
import type { RelayStore } from './store/types';

/** Where UAPAY posts (the invoice's callbackUrl) and where desktops read, under RELAY_PUBLIC_URL. */
export const CALLBACK_ROUTE = '/uapay/callback/:channel';
export const EVENTS_ROUTE = '/events/:channel';

export function callbackUrl(publicUrl: string, channelId: string): string {
  return `${publicUrl}${CALLBACK_ROUTE.replace(':channel', channelId)}`;
}

export function eventsUrl(publicUrl: string, channelId: string): string {
  return `${publicUrl}${EVENTS_ROUTE.replace(':channel', channelId)}`;
}

/** What pairing prints once: the token is not stored anywhere in the clear and cannot be shown again. */
export interface PairingResult {
  channelId: string;
  tokenId: string;
  callbackUrl: string;
  eventsUrl: string;
  token: string;
  pairingCode: string;
}

/** A new channel (one per shop) with its first desktop token. */
export async function pairNewChannel(
  store: RelayStore,
  publicUrl: string,
  label: string,
  now: number,
): Promise<PairingResult> {
  const channelId = newChannelId();
  await store.createChannel(channelId, now);
  return issueToken(store, publicUrl, channelId, label, now);
}

/** Another desktop on an existing channel; undefined when the channel does not exist. */
export async function addDesktop(
  store: RelayStore,
  publicUrl: string,
  channelId: string,
  label: string,
  now: number,
): Promise<PairingResult | undefined> {
  if (!(await store.channelExists(channelId))) return undefined;
  return issueToken(store, publicUrl, channelId, label, now);
}

async function issueToken(
  store: RelayStore,
  publicUrl: string,
  channelId: string,
  label: string,
  now: number,
): Promise<PairingResult> {
  const { tokenId, token, hash } = newToken();
  await store.addToken({ tokenId, channelId, hash, label, createdAt: now, revokedAt: null });
  const urls = { callbackUrl: callbackUrl(publicUrl, channelId), eventsUrl: eventsUrl(publicUrl, channelId) };
  return { channelId, tokenId, ...urls, token, pairingCode: encodePairingCode({ ...urls, token }) };
}
