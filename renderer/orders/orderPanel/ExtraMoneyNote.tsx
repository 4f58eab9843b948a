import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../electron/shared/orders';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { call } from '../../desk';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../i18n/money';
import { notifyOutcome } from './outcome';

/**
 * The customer paid two links of one payment (an older one stays payable): the extra money is
 * named, and one button gives it back — a refund, or the hold cancelled — leaving the payment as it is.
 */
export function ExtraMoneyNote({ row, onDone }: { row: OrderRow; onDone(): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<string>();
  const extra = row.uapay?.extra ?? [];
  if (extra.length === 0) return null;
  const language = currentLanguage();
  const chosen = extra.find((money) => money.invoiceId === asking);
  const verb = (held: boolean) => (held ? 'cancel' : 'refund');
  return (
    <div className="callout callout-warning attention-note" role="alert" data-testid="extra-money">
      <div className="callout-body">
        <p className="callout-title">{t('panel.extra.title')}</p>
        <p>{t('panel.extra.text')}</p>
        <ul className="extra-money-list">
          {extra.map((money) => (
            <li key={money.invoiceId}>
              <span>
                {t(`panel.extra.${money.state === 'held' ? 'held' : 'paid'}`, {
                  amount: formatMoney(money.amount, language),
                  invoice: money.invoiceId.slice(0, 8),
                })}
              </span>
              <Button size="sm" variant="danger" onClick={() => setAsking(money.invoiceId)}>
                {t(`panel.extra.${verb(money.state === 'held')}`)}
              </Button>
            </li>
          ))}
        </ul>
      </div>
      <ConfirmDialog
        open={chosen !== undefined}
        danger
        title={t('panel.extra.confirmTitle')}
        text={t(`panel.extra.confirm.${verb(chosen?.state === 'held')}`, {
          amount: chosen ? formatMoney(chosen.amount, language) : '',
        })}
        confirmLabel={t(`panel.extra.${verb(chosen?.state === 'held')}`)}
        onConfirm={async () => {
          if (!chosen) return;
          const outcome = await call('payments.giveBackExtra', {
            paymentId: row.paymentId,
            invoiceId: chosen.invoiceId,
          });
          notifyOutcome(chosen.state === 'held' ? 'cancel' : 'refund', outcome, chosen.amount);
          onDone();
        }}
        onClose={() => setAsking(undefined)}
      />
    </div>
  );
}
