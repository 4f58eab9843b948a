import { useId, useState, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../electron/shared/errors';
import { LIFECYCLE_STATES } from '../../electron/shared/lifecycle';
import { MAX_PROFILE_CHARS, type ProfilePreview, type Settings } from '../../electron/shared/settings';
import { Callout } from '../components/Callout';
import { ErrorMessage } from '../components/ErrorMessage';
import { Icon } from '../components/Icon';
import { SettingsCard } from './SettingsCard';
import { call, deskError } from '../desk';
import { useSettings } from '../store/settingsStore';
import uk from '../i18n/locales/uk.json';
import { issueText, type FieldIssue } from './issues';
import { ProfilePreviewDialog } from './ProfilePreviewDialog';

type Outcome =
  | { kind: 'imported'; file: string; settings: Settings }
  | { kind: 'refused'; file: string; issues: FieldIssue[] }
  | { kind: 'failed'; error: DeskError };

type ProfileCode = keyof typeof uk.settings.profile.codes;

function isProfileCode(code: string): code is ProfileCode {
  return Object.hasOwn(uk.settings.profile.codes, code);
}

/** The profile checks of the core have codes of their own; the rest are the settings schema's. */
function profileIssueText(t: TFunction, issue: FieldIssue): string {
  return isProfileCode(issue.code) ? t(`settings.profile.codes.${issue.code}`) : issueText(t, issue);
}

function refusal(file: string, failure: unknown): Outcome {
  const error = deskError(failure);
  return error.kind === 'validation' && error.issues.length > 0
    ? { kind: 'refused', file, issues: error.issues }
    : { kind: 'failed', error };
}

export function ProfileImportCard() {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const inputId = useId();
  const [pending, setPending] = useState<{ file: string; text: string; preview: ProfilePreview }>();
  const [outcome, setOutcome] = useState<Outcome>();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again after fixing it
    if (!chosen) return;
    setOutcome(undefined);
    const refuse = (message: string) =>
      setOutcome({ kind: 'refused', file: chosen.name, issues: [{ path: '', code: 'file', message }] });
    if (chosen.size > MAX_PROFILE_CHARS * 4) return refuse(t('settings.profile.tooLarge'));
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      return refuse(t('settings.profile.unreadable'));
    }
    if (text.length > MAX_PROFILE_CHARS) return refuse(t('settings.profile.tooLarge'));
    // Nothing changes before the person has seen what would, side by side.
    try {
      setPending({ file: chosen.name, text, preview: await call('profile.preview', { text }) });
    } catch (failure) {
      setOutcome(refusal(chosen.name, failure));
    }
  };

  const runImport = async () => {
    if (!pending) return;
    const { file, text } = pending;
    try {
      const view = await call('profile.import', { text });
      await apply(view);
      setOutcome({ kind: 'imported', file, settings: view.settings });
    } catch (failure) {
      setOutcome(refusal(file, failure));
    }
  };

  return (
    <SettingsCard title={t('settings.profile.importTitle')} description={t('settings.profile.importText')}>
      <div className="file-picker">
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept=".uapaydesk,.json,application/json,application/x-uapaydesk-profile"
          aria-label={t('settings.profile.fileInput')}
          onChange={(event) => void choose(event)}
        />
        <label htmlFor={inputId} className="btn btn-secondary">
          <Icon name="upload" />
          {t('settings.profile.chooseFile')}
        </label>
      </div>
      {outcome?.kind === 'imported' && <ImportedSummary file={outcome.file} settings={outcome.settings} />}
      {outcome?.kind === 'refused' && (
        <Callout tone="warning" title={t('settings.profile.failedTitle')}>
          <p>{t('settings.profile.failedText', { file: outcome.file })}</p>
          <ul className="issue-list" data-testid="profile-issues">
            {outcome.issues.map((issue, index) => (
              <li key={`${issue.path}-${index}`}>
                {issue.path ? <code>{issue.path}</code> : <code>{t('settings.profile.wholeFile')}</code>}
                <span>{issue.code === 'file' ? issue.message : profileIssueText(t, issue)}</span>
              </li>
            ))}
          </ul>
        </Callout>
      )}
      {outcome?.kind === 'failed' && <ErrorMessage error={outcome.error} />}
      <ProfilePreviewDialog
        file={pending?.file ?? ''}
        preview={pending?.preview}
        onImport={runImport}
        onClose={() => setPending(undefined)}
      />
    </SettingsCard>
  );
}

function ImportedSummary({ file, settings }: { file: string; settings: Settings }) {
  const { t } = useTranslation();
  const none = t('settings.profile.summary.none');
  const mapped = LIFECYCLE_STATES.filter((state) => settings.statusMapping[state]).length;
  const rows: [string, string][] = [
    [t('settings.profile.summary.retailCrm'), settings.retailCrm?.url ?? none],
    [t('settings.profile.summary.merchants'), settings.merchants.map((m) => m.name).join(', ') || none],
    [
      t('settings.profile.summary.statusMapping'),
      t('settings.profile.summary.mapped', { mapped, total: LIFECYCLE_STATES.length }),
    ],
    [t('settings.profile.summary.smtp'), settings.smtp?.fromAddress ?? none],
    [t('settings.profile.summary.relay'), settings.relay ? t('settings.profile.summary.relayPaired') : none],
    [
      t('settings.profile.summary.holdLifetime'),
      t('settings.profile.summary.hours', { hours: settings.holdLifetimeHours }),
    ],
    [
      t('settings.profile.summary.payLinkLifetime'),
      t('settings.profile.summary.hours', { hours: settings.payLinkLifetimeHours }),
    ],
  ];
  return (
    <Callout tone="success" title={t('settings.profile.imported', { file })}>
      <p>{t('settings.profile.importedLead')}</p>
      <dl className="facts" data-testid="profile-imported">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Callout>
  );
}
