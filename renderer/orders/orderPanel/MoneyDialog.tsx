import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../electron/shared/errors';
import type { Kopiyky } from '../../../electron/shared/money';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useDeskAction } from '../../deskHooks';
import { AmountInWords } from './AmountInWords';
import { CallState } from './CallState';
import { useSlow } from './useSlow';

export interface MoneyDialogProps<T> {
  title: string;
  description?: ReactNode;
  /** The amount that will move, shown in numbers and words; undefined while the form is invalid. */
  amount?: Kopiyky;
  /** What the amount is: "To capture", "To release", "To refund". */
  amountLabel: string;
  confirmLabel: string;
  danger?: boolean;
  /** Fields and facts above the amount. */
  children?: ReactNode;
  /** The call; the dialog closes with its answer, or stays with the error in words. */
  run(): Promise<T>;
  onDone(result: T): void;
  /** A refusal (the state changed meanwhile): the panel reads the payment again. */
  onFailed?(error: DeskError): void;
  onClose(): void;
}

/**
 * The one confirmation every money action goes through: the amount in numbers and in words, a
 * progress line when UAPAY takes more than a second, and on failure the provider's own text with
 * the next step (and Retry where it makes sense). Mounted only while open.
 */
export function MoneyDialog<T>({
  title,
  description,
  amount,
  amountLabel,
  confirmLabel,
  danger,
  children,
  run,
  onDone,
  onFailed,
  onClose,
}: MoneyDialogProps<T>) {
  const { t } = useTranslation();
  const action = useDeskAction({
    onError: (error) => {
      onFailed?.(error);
      return false;
    },
  });
  const { busy, error } = action;
  const slow = useSlow(busy);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (amount === undefined) return;
    await action.run(async () => {
      onDone(await run());
      onClose();
    });
  };

  return (
    <Dialog
      open
      size="md"
      title={title}
      description={description}
      onClose={() => !busy && onClose()}
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-autofocus={children ? undefined : true}>
            {t('actions.back')}
          </Button>
          <Button
            variant={danger ? 'danger' : 'primary'}
            busy={busy}
            disabled={amount === undefined}
            onClick={() => void submit()}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form className="money-form" onSubmit={(event) => void submit(event)} noValidate>
        {children}
        <AmountInWords label={amountLabel} amount={amount} />
        {/* Enter in the amount field submits; the footer's button is the visible one. */}
        <button type="submit" hidden />
      </form>
      <CallState
        slow={slow}
        slowText={t('actions.progress')}
        busy={busy}
        error={error}
        retry={() => void submit()}
      />
    </Dialog>
  );
}
