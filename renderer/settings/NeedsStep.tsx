import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Callout } from '../components/Callout';
import { useRouter } from '../store/routerStore';

/** A section that needs an earlier step says which, with the way there. */
export function NeedsStep({ step }: { step: 'retailcrm' | 'merchants' }) {
  const { t } = useTranslation();
  const openSettings = useRouter((s) => s.openSettings);
  return (
    <Callout title={t(`setup.needs.${step}Title`)}>
      <p>{t(`setup.needs.${step}Text`)}</p>
      <div className="callout-actions">
        <Button variant="primary" onClick={() => openSettings(step)}>
          {t(`settings.sections.${step}`)}
        </Button>
      </div>
    </Callout>
  );
}
