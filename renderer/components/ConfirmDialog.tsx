import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskAction } from '../deskHooks';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  /** Red for what cannot be undone. */
  danger?: boolean;
  /** What the person should see before deciding (e.g. a table of changes), above any error. */
  children?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Runs on confirm; the dialog stays open with the error in words if it throws. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** "Are you sure?" with the consequence spelled out; Cancel has the focus, so Enter is never a slip. */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  danger,
  children,
  size,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { busy, error, run, setError } = useDeskAction();
  const close = () => {
    setError(undefined);
    onClose();
  };
  const confirm = () =>
    run(async () => {
      await onConfirm();
      onClose();
    });
  return (
    <Dialog
      open={open}
      title={title}
      description={text}
      {...(size && { size })}
      onClose={close}
      footer={
        <>
          <Button onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {error && <ErrorMessage error={error} />}
    </Dialog>
  );
}
