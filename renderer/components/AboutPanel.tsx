import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/shared/app';

export function AboutPanel({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const keychain = info.keychain.available ? 'about.keychainAvailable' : 'about.keychainMissing';
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>{t('about.platform')}</dt>
        <dd>
          {info.platform} · {info.arch}
        </dd>
        <dt>{t('about.shell')}</dt>
        <dd>{t(info.shell === 'electron' ? 'about.shellElectron' : 'about.shellHarness')}</dd>
        <dt>{t('about.keychain')}</dt>
        <dd data-testid="keychain-status" className={info.keychain.available ? 'ok' : 'bad'}>
          {t(keychain, { backend: info.keychain.backend })}
        </dd>
      </dl>
      {!info.keychain.available && <p className="hint">{t('about.keychainHelp')}</p>}
    </section>
  );
}
