import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsPatchSchema, type Language, type Settings } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { NumberField, parseNumber } from '../components/NumberField';
import { SettingsCard } from './SettingsCard';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import { call, deskError } from '../desk';
import { LANGUAGES, switchLanguage } from '../i18n';
import { notify, notifyError } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';
import { fieldErrors, fromZod } from './issues';
import { NotificationsCard } from './NotificationsCard';
import { SectionFrame } from './SectionFrame';
import { useFieldForm } from './useFieldForm';

interface Draft {
  hold: string;
  link: string;
  name: string;
}

const draftOf = (s: Settings): Draft => ({
  hold: String(s.holdLifetimeHours),
  link: String(s.payLinkLifetimeHours),
  name: s.managerName,
});

export function GeneralSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  return (
    <SectionFrame title={t('settings.sections.general')} description={t('settings.general.description')}>
      <LanguageCard language={settings.language} />
      <GeneralForm settings={settings} />
      <NotificationsCard notifications={settings.notifications} />
    </SectionFrame>
  );
}

/**
 * The language is saved as soon as it is chosen, and the UI switches before the save returns. The
 * select stays enabled (a disabled control would drop the keyboard focus); changes queue in the core.
 */
function LanguageCard({ language }: { language: Language }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const choose = async (next: Language) => {
    await switchLanguage(next);
    try {
      await apply(await call('settings.update', { language: next }));
      notify('success', (tr) => tr('settings.general.languageSaved'));
    } catch (error) {
      await switchLanguage(language);
      notifyError(deskError(error));
    }
  };
  return (
    <SettingsCard title={t('settings.general.languageTitle')}>
      <Select
        label={t('settings.general.language')}
        hint={t('settings.general.languageHint')}
        value={language}
        options={LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
        onChange={(next) => void choose(next)}
      />
    </SettingsCard>
  );
}

function GeneralForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const [draft, setDraft] = useState(() => draftOf(settings));
  const { ref: formRef, ...form } = useFieldForm();
  const { busy: saving, error } = form;
  const errors = fieldErrors(t, form.issues);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(settings));
  const edit = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const save = () => {
    const patch = {
      holdLifetimeHours: parseNumber(draft.hold),
      payLinkLifetimeHours: parseNumber(draft.link),
      managerName: draft.name,
    };
    const checked = settingsPatchSchema.safeParse(patch);
    return form.submit(checked.success ? [] : fromZod(checked.error.issues), async () => {
      const view = await call('settings.update', patch);
      await apply(view);
      setDraft(draftOf(view.settings));
      notify('success', (tr) => tr('settings.general.saved'));
    });
  };

  return (
    <SettingsCard
      ref={formRef}
      title={t('settings.general.paymentsTitle')}
      onSubmit={() => void save()}
      busy={saving}
      actions={
        <Button type="submit" variant="primary" busy={saving} disabled={!dirty}>
          {t('common.save')}
        </Button>
      }
    >
      <div className="field-row">
        <NumberField
          label={t('settings.general.holdLifetime')}
          hint={t('settings.general.holdLifetimeHint')}
          unit={t('common.hoursUnit')}
          value={draft.hold}
          onChange={edit('hold')}
          error={errors.holdLifetimeHours}
        />
        <NumberField
          label={t('settings.general.payLinkLifetime')}
          hint={t('settings.general.payLinkLifetimeHint')}
          unit={t('common.hoursUnit')}
          value={draft.link}
          onChange={edit('link')}
          error={errors.payLinkLifetimeHours}
        />
      </div>
      <h4 className="settings-card-subtitle">{t('settings.general.youTitle')}</h4>
      <TextField
        label={t('settings.general.managerName')}
        hint={t('settings.general.managerNameHint')}
        placeholder={t('settings.general.managerNamePlaceholder')}
        value={draft.name}
        onChange={edit('name')}
        error={errors.managerName}
        autoComplete="name"
      />
      {error && <ErrorMessage error={error} onRetry={() => void save()} />}
    </SettingsCard>
  );
}
