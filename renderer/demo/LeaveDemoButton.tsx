import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { stopDemo } from './demoMode';

/** "Leave Demo mode", after a confirmation: the practice shop and its letters go, your settings come back. */
export function LeaveDemoButton({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button size={size} onClick={() => setAsking(true)}>
        {t('mailbox.leave')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('mailbox.leaveTitle')}
        text={t('mailbox.leaveText')}
        confirmLabel={t('mailbox.leaveConfirm')}
        onConfirm={stopDemo}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
