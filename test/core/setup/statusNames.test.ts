import { describe, expect, it } from 'vitest';
import { proposedCode, proposedName, stateForName } from '../../../electron/core/setup/statusNames';
import { LIFECYCLE_STATES } from '../../../electron/shared/lifecycle';

describe('status names', () => {
  it.each([
    ['Не оплачено', 'no_link'],
    ['Не оплачен', 'no_link'],
    ['Not paid', 'no_link'],
    ['Очікує оплати', 'link_sent'],
    ['Ожидает оплаты', 'link_sent'],
    ['Счет выставлен', 'link_sent'],
    ['Awaiting payment', 'link_sent'],
    ['Заблоковано, очікує підтвердження', 'held'],
    ['Ожидает подтверждения', 'held'],
    ['Held', 'held'],
    ['Оплачено', 'paid'],
    ['Оплачен', 'paid'],
    ['Успешно оплачен', 'paid'],
    ['Paid', 'paid'],
    ['Отменен', 'failed'],
    ['Скасовано', 'failed'],
    ['Payment failed', 'failed'],
    ['Отклонен менеджером', 'rejected'],
    ['Відхилено менеджером', 'rejected'],
    ['Rejected by manager', 'rejected'],
    ['Истёк срок', 'expired'],
    ['Термін минув', 'expired'],
    ['Expired', 'expired'],
    ['Успешный возврат', 'refunded'],
    ['Повернено', 'refunded'],
    ['Refunded', 'refunded'],
    ['Частичный возврат', 'partially_refunded'],
    ['Частково повернено', 'partially_refunded'],
    ['Partially refunded', 'partially_refunded'],
  ])('reads %j as %s', (name, state) => {
    expect(stateForName(name)).toBe(state);
  });

  it('falls back to the code when the name says nothing, and suggests nothing for unrelated names', () => {
    expect(stateForName('Статус 7', 'payment-start')).toBe('link_sent');
    expect(stateForName('Доставка', 'delivery')).toBeUndefined();
  });

  it('proposes a name per language and a code for every state, each read back as its own state', () => {
    for (const state of LIFECYCLE_STATES) {
      expect(proposedCode(state)).toMatch(/^uapay-[a-z-]+$/);
      for (const language of ['uk', 'ru', 'en'] as const)
        expect(stateForName(proposedName(state, language))).toBe(state);
    }
  });
});
