import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/shared/app';
import type { SettingsView } from '../../electron/shared/settings';

type Tone = 'ok' | 'warn' | 'off';

interface Item {
  key: string;
  tone: Tone;
  text: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * What the app is connected to, from what `settings.get` says now (configured, key saved). Live
 * states (last sync, reachability) join when their channels exist.
 */
export function StatusBar({ view, info }: { view?: SettingsView; info?: AppInfo }) {
  const { t } = useTranslation();
  const items: Item[] = [];
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
      items.push({
        key: `uapay-${merchant.id}`,
        tone: saved ? 'ok' : 'warn',
        text: t(saved ? 'status.uapayMerchant' : 'status.uapayNoKey', { name: merchant.name }),
      });
    }
    if (!settings.relay) items.push({ key: 'relay', tone: 'off', text: t('status.relayOff') });
    else
      items.push({
        key: 'relay',
        tone: secrets.relayToken ? 'ok' : 'warn',
        text: t(secrets.relayToken ? 'status.relayPaired' : 'status.relayNoToken'),
      });
  }
  if (info) {
    const ok = info.keychain.available && !view?.secrets.keychainProblem;
    items.push({
      key: 'keychain',
      tone: ok ? 'ok' : 'warn',
      text: t(ok ? 'status.keychainOk' : 'status.keychainMissing'),
    });
  }

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <ul className="status-items">
        {items.length === 0 && <li className="status-item">{t('status.loading')}</li>}
        {items.map((item) => (
          <li key={item.key} className={`status-item status-${item.tone}`} title={item.text}>
            <span className="dot" aria-hidden="true" />
            <span className="status-text">{item.text}</span>
          </li>
        ))}
      </ul>
      {info && (
        <span className="status-version" title={t('status.version', { version: info.version })}>
          <span data-testid="app-version">{info.version}</span>
        </span>
      )}
    </footer>
  );
}
