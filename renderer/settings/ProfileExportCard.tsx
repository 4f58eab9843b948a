import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileExport, SettingsView } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import { SettingsCard } from './SettingsCard';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';
import { currentLanguage } from '../i18n';
import { numberFormat } from '../i18n/numbers';
import { useSettings } from '../store/settingsStore';

interface Exported extends ProfileExport {
  /** A blob: URL of the text: a plain <a download> saves it, in Electron and in a browser alike. */
  url: string;
  bytes: number;
  /** The settings it was made from: once they change (an import, a save), the file is out of date. */
  from?: SettingsView;
}

function fileSize(bytes: number): string {
  return numberFormat(currentLanguage(), {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / 1024);
}

export function ProfileExportCard() {
  const { t } = useTranslation();
  const view = useSettings((s) => s.view);
  const [exported, setFile] = useState<Exported>();
  const { busy, run: exporting } = useDeskAction({ toast: true });
  const file = exported?.from === view ? exported : undefined;

  useEffect(() => (exported ? () => URL.revokeObjectURL(exported.url) : undefined), [exported]);

  const run = () =>
    exporting(async () => {
      const profile = await call('profile.export', {});
      const blob = new Blob([profile.text], { type: 'application/json' });
      setFile({ ...profile, url: URL.createObjectURL(blob), bytes: blob.size, from: view });
    });

  return (
    <SettingsCard title={t('settings.profile.exportTitle')} description={t('settings.profile.exportText')}>
      <div>
        <Button icon="file" busy={busy} onClick={() => void run()}>
          {t('settings.profile.export')}
        </Button>
      </div>
      {file && (
        <>
          <div className="inset file-card">
            <Icon name="file" size={20} />
            <div className="file-text">
              <span className="file-name" data-testid="profile-file-name">
                {file.fileName}
              </span>
              <span className="file-meta">{fileSize(file.bytes)}</span>
            </div>
            <a className="btn btn-primary" href={file.url} download={file.fileName}>
              <Icon name="download" />
              {t('settings.profile.download')}
            </a>
          </div>
          <details className="file-contents">
            <summary>{t('settings.profile.showContents')}</summary>
            <pre>{file.text}</pre>
          </details>
        </>
      )}
    </SettingsCard>
  );
}
