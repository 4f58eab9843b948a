import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTIFY_EXPIRING_HOURS,
  settingsPatchSchema,
  type NotificationSettings,
} from '../../electron/shared/settings';
import { NumberField, parseNumber } from '../components/NumberField';
import { SettingsCard } from './SettingsCard';
import { Switch } from '../components/Switch';
import { call, deskError } from '../desk';
import { notify, notifyError } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';

const KINDS = ['held', 'expiring', 'crmFailing', 'attention'] as const;

/**
 * Desktop notifications, one switch per kind, each saved as it is flipped; and how many hours
 * before a hold ends it is told. Shown by the system (main); a click opens that order.
 */
export function NotificationsCard({ notifications }: { notifications: NotificationSettings }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const [hours, setHours] = useState(String(notifications.expiringHours));
  const [hoursError, setHoursError] = useState<string>();

  const save = async (patch: Partial<NotificationSettings>) => {
    try {
      await apply(await call('settings.update', { notifications: patch }));
      notify('success', (tr) => tr('settings.notifications.saved'));
    } catch (error) {
      notifyError(deskError(error));
    }
  };

  const saveHours = () => {
    const value = parseNumber(hours);
    if (value === notifications.expiringHours) return;
    const checked = settingsPatchSchema.safeParse({ notifications: { expiringHours: value } });
    if (!checked.success) {
      setHoursError(
        t('settings.notifications.hoursRange', {
          min: NOTIFY_EXPIRING_HOURS.min,
          max: NOTIFY_EXPIRING_HOURS.max,
        }),
      );
      return;
    }
    setHoursError(undefined);
    void save({ expiringHours: value as number });
  };

  return (
    <SettingsCard title={t('settings.notifications.title')}>
      <p className="field-hint">{t('settings.notifications.text')}</p>
      {KINDS.map((kind) => (
        <Switch
          key={kind}
          label={t(`settings.notifications.kinds.${kind}`)}
          hint={t(`settings.notifications.hints.${kind}`)}
          checked={notifications[kind]}
          onChange={(on) => void save({ [kind]: on })}
        />
      ))}
      <NumberField
        label={t('settings.notifications.expiringHours')}
        hint={t('settings.notifications.expiringHoursHint')}
        unit={t('common.hoursUnit')}
        value={hours}
        onChange={setHours}
        onBlur={saveHours}
        onKeyDown={(event) => event.key === 'Enter' && saveHours()}
        error={hoursError}
        disabled={!notifications.expiring}
      />
    </SettingsCard>
  );
}
