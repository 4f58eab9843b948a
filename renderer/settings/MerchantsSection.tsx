import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant, SettingsView } from '../../electron/shared/settings';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { SettingsCard } from './SettingsCard';
import { call } from '../desk';
import { notify } from '../store/noticesStore';
import { useSettings } from '../store/settingsStore';
import { MerchantCard } from './MerchantCard';
import { MerchantDialog } from './MerchantDialog';
import { SectionFrame } from './SectionFrame';

/** DESIGN.md workflow 2: any number of UAPAY merchants, each with its key in the keychain. */
export function MerchantsSection({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const apply = useSettings((s) => s.apply);
  const [editing, setEditing] = useState<Merchant | 'new'>();
  const [removing, setRemoving] = useState<Merchant>();
  const { merchants } = view.settings;
  const keys = view.secrets.merchantKeys;

  const remove = async () => {
    if (!removing) return;
    const { id, name } = removing;
    await apply(await call('setup.merchants.remove', { id }));
    notify('success', (tr) => tr('setup.merchants.removed', { name }));
  };

  return (
    <SectionFrame title={t('settings.sections.merchants')} description={t('setup.merchants.description')}>
      <SettingsCard
        title={t('setup.merchants.listTitle')}
        actions={
          <Button variant="primary" icon="store" onClick={() => setEditing('new')}>
            {t('setup.merchants.add')}
          </Button>
        }
      >
        {merchants.length === 0 ? (
          <p className="empty-note">{t('setup.merchants.none')}</p>
        ) : (
          <ul className="merchant-list" aria-label={t('setup.merchants.listTitle')}>
            {merchants.map((merchant) => (
              <MerchantCard
                key={merchant.id}
                merchant={merchant}
                keySaved={keys[merchant.id] === true}
                onEdit={() => setEditing(merchant)}
                onRemove={() => setRemoving(merchant)}
              />
            ))}
          </ul>
        )}
      </SettingsCard>
      {editing && (
        <MerchantDialog
          merchant={editing === 'new' ? undefined : editing}
          keySaved={editing !== 'new' && keys[editing.id] === true}
          onClose={() => setEditing(undefined)}
        />
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title={t('setup.merchants.removeTitle', { name: removing?.name ?? '' })}
        text={t('setup.merchants.removeText')}
        confirmLabel={t('setup.merchants.remove')}
        danger
        onConfirm={remove}
        onClose={() => setRemoving(undefined)}
      />
    </SectionFrame>
  );
}
