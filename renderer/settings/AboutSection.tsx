import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { SettingsCard } from './SettingsCard';
import { Skeleton } from '../components/Skeleton';
import { useAppInfo } from '../store/appInfoStore';
import { LogFolderCard } from './LogFolderCard';
import { SectionFrame } from './SectionFrame';
import { UpdatesCard } from './UpdatesCard';

/** What `app.info` says: for support requests (with the log folder), and to see whether the keychain works. */
export function AboutSection() {
  const { t } = useTranslation();
  const { info, error, load } = useAppInfo();
  const rows: [string, ReactNode][] = info
    ? [
        [t('settings.about.version'), <span data-testid="about-version">{info.version}</span>],
        [t('settings.about.platform'), `${info.platform} · ${info.arch}`],
        [
          t('settings.about.shell'),
          t(info.shell === 'electron' ? 'settings.about.shellElectron' : 'settings.about.shellHarness'),
        ],
        [
          t('settings.about.keychain'),
          <span data-testid="keychain-status" className={info.keychain.available ? 'text-ok' : 'text-bad'}>
            {t(
              info.keychain.available ? 'settings.about.keychainAvailable' : 'settings.about.keychainMissing',
              {
                backend: info.keychain.backend,
              },
            )}
          </span>,
        ],
      ]
    : [];
  return (
    <SectionFrame title={t('settings.sections.about')} description={t('app.tagline')}>
      {error && <ErrorMessage error={error} onRetry={() => void load()} />}
      <SettingsCard title={t('settings.about.title')}>
        <dl className="facts">
          {info
            ? rows.map(([label, value]) => (
                <div key={label} className="fact">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))
            : [0, 1, 2, 3].map((row) => (
                <div key={row} className="fact">
                  <dt>
                    <Skeleton width="90px" />
                  </dt>
                  <dd>
                    <Skeleton width="160px" />
                  </dd>
                </div>
              ))}
        </dl>
        {info && !info.keychain.available && <p className="field-hint">{t('settings.about.keychainHelp')}</p>}
      </SettingsCard>
      {info && <LogFolderCard folder={info.logFolder} />}
      <UpdatesCard />
    </SectionFrame>
  );
}
