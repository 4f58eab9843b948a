/**
 * The short line an operation leaves in the RetailCRM payment's comment, in the manager's
 * language: who, when, what, how much. The journal keeps the full record; this is what someone
 * looking at the order in RetailCRM sees.
 */
import type { Language } from '../../shared/settings';
import { formatDecimal, type Kopiyky } from '../../shared/money';
import { kyivDateTime } from '../kyivTime';
import type { OperationKind } from '../../shared/operationKinds';

const VERBS: Record<Language, Record<OperationKind, string>> = {
  uk: {
    'payment.add': 'додано платіж',
    'link.create': 'створено посилання',
    'link.email': 'надіслано посилання',
    'payment.confirm': 'підтверджено',
    'payment.cancel': 'скасовано утримання',
    'payment.refund': 'повернено',
    'status.sync': 'оновлено статус',
  },
  ru: {
    'payment.add': 'добавлен платёж',
    'link.create': 'создана ссылка',
    'link.email': 'отправлена ссылка',
    'payment.confirm': 'подтверждено',
    'payment.cancel': 'отменено удержание',
    'payment.refund': 'возвращено',
    'status.sync': 'обновлён статус',
  },
  en: {
    'payment.add': 'payment added',
    'link.create': 'link created',
    'link.email': 'link sent',
    'payment.confirm': 'confirmed',
    'payment.cancel': 'hold cancelled',
    'payment.refund': 'refunded',
    'status.sync': 'status updated',
  },
};

export function auditLine(input: {
  kind: OperationKind;
  at: Date;
  who: string;
  language: Language;
  amount?: Kopiyky;
}): string {
  const amount = input.amount !== undefined ? ` ${formatDecimal(input.amount)} UAH` : '';
  return `${kyivDateTime(input.at).slice(0, 16)} ${input.who}: ${VERBS[input.language][input.kind]}${amount}`;
}
