/**
 * What a desktop notification says, in the UI's language. The core words it (main has no
 * catalogues, and the same text must reach the harness's tests); kept short, as the system shows it.
 */
import type { NotificationKind } from '../../shared/channels/notifications';
import type { Language } from '../../shared/settings';

type Words = Record<NotificationKind, { title: string; body: string }>;

const WORDS: Record<Language, Words> = {
  uk: {
    held: {
      title: 'Кошти утримано: замовлення {order}',
      body: '{amount} чекають на підтвердження або скасування.',
    },
    expiring: {
      title: 'Утримання спливає: замовлення {order}',
      body: 'UAPAY відпустить {amount} приблизно {time}. Підтвердьте або скасуйте.',
    },
    crm_failing: {
      title: 'RetailCRM не оновлено: замовлення {order}',
      body: 'UAPAY усе виконав, але запис у RetailCRM досі не вдається. Застосунок повторює спроби.',
    },
    attention: {
      title: 'Потрібна увага: замовлення {order}',
      body: 'UAPAY не показує, чи відбулася операція. Перевірте в кабінеті UAPAY і вирішіть.',
    },
  },
  ru: {
    held: { title: 'Средства удержаны: заказ {order}', body: '{amount} ждут подтверждения или отмены.' },
    expiring: {
      title: 'Удержание истекает: заказ {order}',
      body: 'UAPAY отпустит {amount} примерно {time}. Подтвердите или отмените.',
    },
    crm_failing: {
      title: 'RetailCRM не обновлена: заказ {order}',
      body: 'UAPAY всё выполнил, но запись в RetailCRM до сих пор не удаётся. Приложение повторяет попытки.',
    },
    attention: {
      title: 'Нужно внимание: заказ {order}',
      body: 'UAPAY не показывает, прошла ли операция. Проверьте в кабинете UAPAY и решите.',
    },
  },
  en: {
    held: { title: 'Money held: order {order}', body: '{amount} waits to be confirmed or cancelled.' },
    expiring: {
      title: 'Hold ending: order {order}',
      body: 'UAPAY releases {amount} at about {time}. Confirm or cancel it.',
    },
    crm_failing: {
      title: 'RetailCRM not updated: order {order}',
      body: 'UAPAY did it, but writing RetailCRM keeps failing. The app keeps retrying.',
    },
    attention: {
      title: 'Needs attention: order {order}',
      body: 'UAPAY does not show whether the operation happened. Check the UAPAY cabinet and decide.',
    },
  },
};

const LOCALES: Record<Language, string> = { uk: 'uk-UA', ru: 'ru-UA', en: 'en-GB' };

export function notificationText(
  kind: NotificationKind,
  language: Language,
  values: { order: string; amount?: number; endsAt?: number },
): { title: string; body: string } {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => {
      if (key === 'order') return values.order;
      if (key === 'amount')
        return values.amount === undefined
          ? ''
          : new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'UAH' }).format(
              `${values.amount}e-2` as unknown as number,
            );
      if (key === 'time')
        return values.endsAt === undefined
          ? ''
          : new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'short', timeStyle: 'short' }).format(
              values.endsAt,
            );
      return '';
    });
  const words = WORDS[language][kind];
  return { title: fill(words.title), body: fill(words.body) };
}
