import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetailCrmCheck } from '../../electron/shared/channels/setup';
import type { SettingsView } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { SettingsCard } from './SettingsCard';
import { TextField } from '../components/TextField';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';
import { useCrmSites } from './crmSitesStore';
import type { FieldIssue } from './issues';
import { RetailCrmCheckReport } from './RetailCrmCheckReport';
import { SecretField } from './SecretField';
import { setupFieldErrors } from './setupWords';
import { useFieldForm } from './useFieldForm';

interface Checked {
  check: RetailCrmCheck;
  saved: boolean;
}

const required = (path: string): FieldIssue => ({ path, code: 'too_small', origin: 'string', message: '' });

/**
 * Address and key → "Check and connect". Nothing is saved until the checks pass and each warning
 * is accepted; the key typed stays in its field meanwhile, so a second try needs no new paste.
 */
export function RetailCrmForm({ view, onDisconnect }: { view: SettingsView; onDisconnect(): void }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const keyInput = useRef<HTMLInputElement>(null);
  const connected = view.settings.retailCrm;
  const keySaved = view.secrets.retailCrmApiKey;
  const [url, setUrl] = useState(connected?.url ?? '');
  const [replacing, setReplacing] = useState(false);
  const [checked, setChecked] = useState<Checked>();
  const [sites, setSites] = useState<string[]>();
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const { ref: formRef, ...form } = useFieldForm({
    // A refused key shows its field again, whatever is saved.
    onRefused: (found) => found.some((issue) => issue.path === 'apiKey') && setReplacing(true),
  });
  const { busy, error } = form;
  const errors = setupFieldErrors(t, 'retailcrm', form.issues);
  const keyShown = !keySaved || replacing;

  // `sites` is undefined until the manager ticks or unticks a store: the saved choice (empty: every
  // store the key sees, new ones included) holds until then.
  const visible = checked?.check.sites.map((site) => site.code) ?? [];
  const savedSites = connected?.siteCodes ?? [];
  const shownSites = sites ?? (savedSites.length > 0 ? savedSites : visible);

  /** The stores to send: nothing changed → the saved choice; every store ticked → all (empty). */
  const siteCodes = (): string[] | undefined => {
    if (!sites) return undefined;
    return visible.every((code) => sites.includes(code)) ? [] : sites;
  };

  const connect = () => {
    const apiKey = keyShown ? (keyInput.current?.value.trim() ?? '') : '';
    const found: FieldIssue[] = [];
    if (url.trim() === '') found.push(required('url'));
    if (keyShown && apiKey === '') found.push(required('apiKey'));
    if (visible.length > 0 && sites?.length === 0)
      found.push({ path: 'sites', code: 'no_sites', message: '' });
    return form.submit(found, async () => {
      const result = await call('setup.retailCrm.connect', {
        url: url.trim(),
        ...(apiKey && { apiKey }),
        ...(siteCodes() && { siteCodes: siteCodes() }),
        ...(accepted.size > 0 && { acceptWarnings: [...accepted] }),
      });
      setChecked({ check: result.check, saved: result.saved });
      if (result.check.sites.length > 0) useCrmSites.setState({ sites: result.check.sites });
      const seen = result.check.sites.map((site) => site.code);
      setSites((current) => current?.filter((code) => seen.includes(code)));
      if (result.saved) {
        if (keyInput.current) keyInput.current.value = '';
        setReplacing(false);
        setUrl(result.view.settings.retailCrm?.url ?? url);
        await apply(result.view);
        notify('success', (tr) => tr('setup.retailcrm.connectedNotice'));
      }
    });
  };

  return (
    <SettingsCard
      ref={formRef}
      title={t(connected ? 'setup.retailcrm.changeTitle' : 'setup.retailcrm.connectTitle')}
      description={t('setup.retailcrm.connectText')}
      onSubmit={() => void connect()}
      busy={busy}
      actions={
        <>
          {connected && (
            <Button variant="ghost" className="push-left" onClick={onDisconnect}>
              {t('setup.retailcrm.disconnect')}
            </Button>
          )}
          <Button type="submit" variant="primary" icon="check" busy={busy}>
            {t('setup.retailcrm.connect')}
          </Button>
        </>
      }
    >
      <TextField
        label={t('setup.retailcrm.address')}
        hint={t('setup.retailcrm.addressHint')}
        placeholder={t('setup.retailcrm.addressPlaceholder')}
        value={url}
        onChange={setUrl}
        error={errors.url}
        autoComplete="off"
        spellCheck={false}
      />
      <SecretField
        label={t('settings.retailcrm.apiKey')}
        hint={t('setup.retailcrm.keyHint')}
        error={errors.apiKey}
        saved={keySaved}
        replacing={replacing}
        onReplace={setReplacing}
        inputRef={keyInput}
      />
      {checked && (
        <RetailCrmCheckReport
          check={checked.check}
          saved={checked.saved}
          sites={shownSites}
          onSites={setSites}
          accepted={accepted}
          onAccept={(code, on) =>
            setAccepted((current) => {
              const next = new Set(current);
              if (on) next.add(code);
              else next.delete(code);
              return next;
            })
          }
        />
      )}
      {errors.sites && (
        <p className="field-error" role="alert">
          {errors.sites}
        </p>
      )}
      {error && <ErrorMessage error={error} onRetry={() => void connect()} />}
    </SettingsCard>
  );
}
