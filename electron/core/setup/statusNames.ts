/**
 * How the payment states are usually named in RetailCRM accounts (Ukrainian, Russian, English; the
 * module guide's own names: «Оплачен», «Отклонен менеджером», «Успешный возврат», «Отменен»), to
 * suggest existing statuses on a fresh setup, and the names the app proposes for missing ones.
 */
import type { LifecycleState } from '../../shared/lifecycle';
import type { Language } from '../../shared/settings';

/**
 * Tried in this order on a status's name and code: the first rule that matches gives the state.
 * The order matters: "Частково повернено" before "повернено", "Не оплачено" before "оплачено",
 * "Очікує підтвердження" (held) before "Очікує оплати" (link sent).
 */
const RULES: readonly [LifecycleState, RegExp][] = [
  ['partially_refunded', /частичн\S* возвр|частков\S* поверн|partial\S*.?refund/],
  ['refunded', /возвр|поверн|refund/],
  ['rejected', /отклон|відхил|reject/],
  ['expired', /истек|просроч|простроч|минув|закінч|expir/],
  ['held', /заблок|холд|\bhold|\bheld|авториз|authori[sz]|подтвержд|підтвердж|waiting.?for.?capture/],
  ['no_link', /^не ?оплач|^not.?paid|^unpaid/],
  ['paid', /оплачен|^paid|succeeded|success/],
  [
    'link_sent',
    /выставл|виставл|ожида\S* оплат|очіку\S* оплат|invoice|pending|awaiting|payment.?start|ссылк|посилан/,
  ],
  ['failed', /отмен|скасов|cancel|ошибк|помилк|fail|declin|неуспе|неуспі/],
];

/** The state a status's name (or, failing that, its code) suggests. */
export function stateForName(name: string, code = ''): LifecycleState | undefined {
  for (const text of [name, code]) {
    const normalized = text.toLowerCase().replace(/ё/g, 'е').trim();
    const rule = RULES.find(([, pattern]) => pattern.test(normalized));
    if (rule) return rule[0];
  }
  return undefined;
}

const NAMES: Record<Language, Record<LifecycleState, string>> = {
  uk: {
    no_link: 'Не оплачено',
    link_sent: 'Очікує оплати',
    held: 'Заблоковано, очікує підтвердження',
    paid: 'Оплачено',
    failed: 'Скасовано',
    rejected: 'Відхилено менеджером',
    expired: 'Термін минув',
    refunded: 'Повернено',
    partially_refunded: 'Частково повернено',
  },
  ru: {
    no_link: 'Не оплачен',
    link_sent: 'Ожидает оплаты',
    held: 'Заблокирован, ожидает подтверждения',
    paid: 'Оплачен',
    failed: 'Отменен',
    rejected: 'Отклонен менеджером',
    expired: 'Истек срок',
    refunded: 'Успешный возврат',
    partially_refunded: 'Частичный возврат',
  },
  en: {
    no_link: 'Not paid',
    link_sent: 'Awaiting payment',
    held: 'Held, awaiting confirmation',
    paid: 'Paid',
    failed: 'Cancelled',
    rejected: 'Rejected by manager',
    expired: 'Expired',
    refunded: 'Refunded',
    partially_refunded: 'Partially refunded',
  },
};

export function proposedName(state: LifecycleState, language: Language): string {
  return NAMES[language][state];
}

/** `uapay-partially-refunded`: a code that says whose it is, unlikely to be taken. */
export function proposedCode(state: LifecycleState): string {
  return `uapay-${state.replace(/_/g, '-')}`;
}
