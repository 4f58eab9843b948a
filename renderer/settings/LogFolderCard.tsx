import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { SettingsCard } from './SettingsCard';
import { call } from '../desk';
import { useDeskAction } from '../deskHooks';

/**
 * Where the log files are, and "Open log folder": what support asks for, and where an error that
 * says "the details are in the log" points. Outside the desktop app (the browser test harness)
 * nothing can open a file manager, so the folder is named instead.
 */
export function LogFolderCard({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const { busy, error, run } = useDeskAction();
  const [notOpened, setNotOpened] = useState<string>();
  const open = () =>
    run(async () => {
      const result = await call('app.openLogFolder', {});
      setNotOpened(result.opened ? undefined : result.folder);
    });
  return (
    <SettingsCard title={t('settings.about.logFolder')}>
      <p className="field-hint">{t('settings.about.logFolderHint')}</p>
      <div className="secret-row">
        <code data-testid="log-folder">{folder}</code>
        <Button icon="file" size="sm" busy={busy} onClick={() => void open()}>
          {t('settings.about.openLogFolder')}
        </Button>
      </div>
      {notOpened && (
        <p className="field-hint" role="status">
          {t('settings.about.logFolderNotOpened', { folder: notOpened })}
        </p>
      )}
      {error && <ErrorMessage error={error} onRetry={() => void open()} />}
    </SettingsCard>
  );
}
