import { useTranslation } from 'react-i18next';
import type { ProfileChange, ProfilePreview } from '../../electron/shared/settings';
import { Callout } from '../components/Callout';
import { ConfirmDialog } from '../components/ConfirmDialog';

export interface ProfilePreviewDialogProps {
  file: string;
  preview: ProfilePreview | undefined;
  onImport(): Promise<void>;
  onClose(): void;
}

/**
 * Before a team profile changes anything: each setting it changes, as it is on this computer and
 * as it will be, side by side, and the keys it deletes because it sends them elsewhere.
 */
export function ProfilePreviewDialog({ file, preview, onImport, onClose }: ProfilePreviewDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={preview !== undefined}
      size="lg"
      title={t('settings.profile.confirmTitle')}
      text={t('settings.profile.confirmText', { file })}
      confirmLabel={t('settings.profile.import')}
      onConfirm={onImport}
      onClose={onClose}
    >
      {preview && preview.changes.length === 0 && <p>{t('settings.profile.preview.nothing')}</p>}
      {preview && preview.changes.length > 0 && (
        <table className="profile-preview" data-testid="profile-preview">
          <thead>
            <tr>
              <th scope="col">{t('settings.profile.preview.setting')}</th>
              <th scope="col">{t('settings.profile.preview.now')}</th>
              <th scope="col">{t('settings.profile.preview.after')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.changes.map((change) => (
              <tr key={change.field} data-field={change.field}>
                <th scope="row">{t(`settings.profile.preview.fields.${change.field}`)}</th>
                <td>
                  <Lines change={change} lines={change.before} />
                </td>
                <td>
                  <Lines change={change} lines={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview && preview.droppedSecrets.length > 0 && (
        <Callout tone="warning" title={t('settings.profile.preview.droppedTitle')}>
          <p>{t('settings.profile.preview.droppedText')}</p>
          <ul data-testid="profile-dropped-secrets">
            {preview.droppedSecrets.map((secret) => (
              <li key={secret}>{t(`settings.profile.preview.secrets.${secret}`)}</li>
            ))}
          </ul>
        </Callout>
      )}
    </ConfirmDialog>
  );
}

function Lines({ change, lines }: { change: ProfileChange; lines: string[] }) {
  const { t } = useTranslation();
  if (lines.length === 0)
    return (
      <span className="profile-preview-none">
        {t(
          change.field === 'sites' ? 'settings.profile.preview.allSites' : 'settings.profile.preview.notSet',
        )}
      </span>
    );
  const hours = change.field === 'holdLifetimeHours' || change.field === 'payLinkLifetimeHours';
  return (
    <>
      {lines.map((line, index) => (
        <div key={index} className="profile-preview-line">
          {hours ? t('settings.profile.summary.hours', { hours: Number(line) }) : line}
        </div>
      ))}
    </>
  );
}
