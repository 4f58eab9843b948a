import type { TFunction } from 'i18next';
import type { AppInfo } from '../../electron/shared/app';
import type { BackgroundStatus } from '../../electron/shared/channels/background';
import type { RelayStatus } from '../../electron/shared/channels/relay';
import type { UpdateStatus } from '../../electron/shared/channels/updates';
import type { OrderRow } from '../../electron/shared/orders';
import type { SettingsView } from '../../electron/shared/settings';

export type Tone = 'ok' | 'warn' | 'bad' | 'off';

export interface StatusItem {
  key: string;
  tone: Tone;
  text: string;
  /** The longer words for the tooltip (the text itself is cut short on a narrow window). */
  title?: string;
}

/** What the bar reads besides the settings: each from its own channel and event. */
export interface LiveFacts {
  relay?: RelayStatus;
  /** When the orders were last read from RetailCRM, and whether a read runs now. */
  sync: { refreshedAt?: string; refreshing: boolean };
  /** Per merchant id: UAPAY's latest answer (`uapay.checkedAt` of its rows, ISO). */
  uapayAnsweredAt: ReadonlyMap<string, string>;
  update?: UpdateStatus;
  /** The background round: when it last ran, when it runs next, its last problem. */
  background?: BackgroundStatus;
  /** A moment as the bar shows it (today: the time only). */
  when: (iso: string) => string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Per merchant, the newest `uapay.checkedAt` among its rows (ISO strings compare as text). */
export function latestUapayAnswers(rows: Iterable<OrderRow>, _version?: number): Map<string, string> {
  const latest = new Map<string, string>();
  for (const row of rows) {
    const at = row.uapay?.checkedAt;
    if (!row.merchantId || !at) continue;
    const before = latest.get(row.merchantId);
    if (!before || at > before) latest.set(row.merchantId, at);
  }
  return latest;
}

const RELAY_TONES = { connected: 'ok', connecting: 'warn', retrying: 'warn', unauthorized: 'bad' } as const;
const RELAY_WORDS = {
  connected: 'status.relayConnected',
  connecting: 'status.relayConnecting',
  retrying: 'status.relayRetrying',
  unauthorized: 'status.relayUnauthorized',
} as const;

function relayItem(view: SettingsView, live: LiveFacts, t: TFunction): StatusItem {
  const lastEvent =
    live.relay?.lastEventAt && t('status.relayLastEvent', { time: live.when(live.relay.lastEventAt) });
  const item = (tone: Tone, text: string): StatusItem => ({
    key: 'relay',
    tone,
    text,
    ...(lastEvent && { title: `${text} · ${lastEvent}` }),
  });
  const connection = live.relay?.connection;
  if (!view.settings.relay) return item('off', t('status.relayOff'));
  if (!view.secrets.relayToken || connection?.state === 'no_token')
    return item('warn', t('status.relayNoToken'));
  // `off` with a saved pairing: the stream has not reported yet (or no relay status was read).
  const state = connection?.state ?? 'off';
  return state === 'off'
    ? item('ok', t('status.relayPaired'))
    : item(RELAY_TONES[state], t(RELAY_WORDS[state]));
}

/**
 * The background round's item: when it last looked, or what keeps it from working (a service it
 * cannot reach, operations it is still finishing). The tooltip says what it does and how often.
 */
function backgroundItem(live: LiveFacts, t: TFunction): StatusItem | undefined {
  const status = live.background;
  // Off (a test) or no shop yet: nothing runs that the person could care about. Before the first
  // round ends there is nothing to tell either.
  if (!status?.lastRoundAt || status.state === 'off' || status.state === 'not_set_up') return undefined;
  const next = status.nextRoundAt && live.when(status.nextRoundAt);
  const failure = status.lastFailure;
  const title = [
    t('status.backgroundTitle', {
      round: Math.round((status.roundMs ?? 0) / 1000),
      refresh: Math.round((status.refreshMs ?? 0) / 1000),
    }),
    t('status.backgroundLast', { time: live.when(status.lastRoundAt) }),
    next && t('status.backgroundNext', { time: next }),
    failure && t('status.backgroundFailure', { time: live.when(failure.at), message: failure.message }),
  ]
    .filter(Boolean)
    .join(' ');
  const item = (tone: Tone, text: string): StatusItem => ({ key: 'background', tone, text, title });
  if (status.state === 'unreachable' && failure?.service)
    return item(
      'bad',
      t(failure.service === 'uapay' ? 'status.backgroundUapayDown' : 'status.backgroundRetailCrmDown', {
        time: next ?? '',
      }),
    );
  if (status.openOperations > 0)
    return item('warn', t('status.backgroundOpen', { count: status.openOperations }));
  if (status.state === 'failing' || status.state === 'unreachable')
    return item(
      'warn',
      t('status.backgroundProblem', { time: live.when(failure?.at ?? status.lastRoundAt) }),
    );
  return item('ok', t('status.backgroundAt', { time: live.when(status.lastRoundAt) }));
}

/**
 * The bar's items: on the left where the data comes from (and whether it can be reached), on the
 * right how fresh it is and an update waiting for a restart.
 */
export function statusItems(
  view: SettingsView | undefined,
  info: AppInfo | undefined,
  live: LiveFacts,
  t: TFunction,
): { connections: StatusItem[]; freshness: StatusItem[] } {
  const items: StatusItem[] = [];
  const freshness: StatusItem[] = [];
  if (view) {
    const { settings, secrets } = view;
    if (settings.demoMode) items.push({ key: 'demo', tone: 'warn', text: t('status.demo') });
    if (!settings.retailCrm) items.push({ key: 'crm', tone: 'off', text: t('status.retailCrmOff') });
    else if (!secrets.retailCrmApiKey)
      items.push({ key: 'crm', tone: 'warn', text: t('status.retailCrmNoKey') });
    else
      items.push({
        key: 'crm',
        tone: 'ok',
        text: t('status.retailCrmConnected', { host: hostOf(settings.retailCrm.url) }),
      });
    if (settings.merchants.length === 0)
      items.push({ key: 'uapay', tone: 'off', text: t('status.uapayNone') });
    for (const merchant of settings.merchants) {
      const saved = secrets.merchantKeys[merchant.id] === true;
      const answeredAt = live.uapayAnsweredAt.get(merchant.id);
      const name =
        merchant.environment === 'test' ? t('status.uapayTest', { name: merchant.name }) : undefined;
      const text = saved
        ? (name ?? t('status.uapayMerchant', { name: merchant.name }))
        : t('status.uapayNoKey', { name: merchant.name });
      const answer = answeredAt
        ? t('status.uapayCheckedAt', { time: live.when(answeredAt) })
        : t('status.uapayNotChecked');
      items.push({
        key: `uapay-${merchant.id}`,
        tone: saved ? 'ok' : 'warn',
        text,
        title: `${text} · ${answer}`,
      });
    }
    items.push(relayItem(view, live, t));
    if (settings.retailCrm || settings.demoMode) {
      const { refreshedAt, refreshing } = live.sync;
      const text = refreshing
        ? t('status.syncing')
        : refreshedAt
          ? t('status.syncedAt', { time: live.when(refreshedAt) })
          : t('status.notSynced');
      freshness.push({
        key: 'sync',
        tone: refreshing || refreshedAt ? 'ok' : 'off',
        text,
        ...(refreshedAt && { title: t('status.syncedTitle', { time: live.when(refreshedAt) }) }),
      });
    }
    const background = backgroundItem(live, t);
    if (background) freshness.push(background);
  }
  // A working keychain goes without saying (Settings → About shows it); a missing one is news.
  if (info && (!info.keychain.available || view?.secrets.keychainProblem)) {
    items.push({ key: 'keychain', tone: 'warn', text: t('status.keychainMissing') });
  }
  if (live.update?.state === 'ready') {
    freshness.push({
      key: 'update',
      tone: 'ok',
      text: t('status.updateReady', { version: live.update.version }),
    });
  }
  return { connections: items, freshness };
}
