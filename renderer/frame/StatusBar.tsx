import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/shared/app';
import type { SettingsView } from '../../electron/shared/settings';
import { currentLanguage } from '../i18n';
import { formatRecent } from '../i18n/dates';
import { useNow } from '../store/clockStore';
import { useOrders } from '../orders/ordersStore';
import { useBackgroundStatus, useBackgroundStatusFeed } from '../store/backgroundStatusStore';
import { useRelayStatus, useRelayStatusFeed } from '../store/relayStatusStore';
import { useUpdates } from '../store/updatesStore';
import { latestUapayAnswers, statusItems, type StatusItem } from './statusItems';
import './frame.css';

/**
 * What the app is connected to and how fresh its picture is: RetailCRM, each UAPAY merchant (key
 * saved, UAPAY's latest answer), the relay's live stream, the last sync with RetailCRM, the
 * background round (last and next check, what it cannot reach), the keychain, and an update
 * waiting for a restart.
 */
export function StatusBar({ view, info }: { view?: SettingsView; info?: AppInfo }) {
  const { t } = useTranslation();
  useRelayStatusFeed();
  useBackgroundStatusFeed();
  const relay = useRelayStatus((s) => s.status);
  const background = useBackgroundStatus((s) => s.status);
  const orders = useOrders((s) => s.index);
  const version = useOrders((s) => s.version);
  const refreshedAt = useOrders((s) => s.refreshedAt);
  const refreshing = useOrders((s) => s.refreshing);
  const update = useUpdates((s) => s.status);
  const now = useNow();
  // `version`: the index is patched in place.
  const uapayAnsweredAt = useMemo(() => latestUapayAnswers(orders.rows(), version), [orders, version]);
  const language = currentLanguage();
  const when = (iso: string) => formatRecent(iso, now, language);
  const { connections, freshness } = statusItems(
    view,
    info,
    { relay, sync: { refreshedAt, refreshing }, uapayAnsweredAt, update, background, when },
    t,
  );

  const list = (items: StatusItem[]) =>
    items.map((item) => (
      <li
        key={item.key}
        className={`status-item status-${item.tone}`}
        title={item.title ?? item.text}
        data-status={item.key}
      >
        <span className="dot" aria-hidden="true" />
        <span className="status-text">{item.text}</span>
      </li>
    ));

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <ul className="status-items">
        {connections.length === 0 && <li className="status-item">{t('status.loading')}</li>}
        {list(connections)}
      </ul>
      {freshness.length > 0 && <ul className="status-items status-freshness">{list(freshness)}</ul>}
      {info && (
        <span className="status-version" title={t('status.version', { version: info.version })}>
          <span data-testid="app-version">{info.version}</span>
        </span>
      )}
    </footer>
  );
}
