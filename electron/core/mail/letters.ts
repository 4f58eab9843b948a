/**
 * The letter that carries a payment link to a customer, in the manager's language: subject, plain
 * text and HTML (inline styles only, no remote images, so every mail client shows it the same).
 */
import type { Kopiyky } from '../../shared/money';
import type { Language } from '../../shared/settings';

export interface Letter {
  subject: string;
  text: string;
  html: string;
}

export interface LinkLetterInput {
  language: Language;
  shopName: string;
  orderNumber: string;
  amount: Kopiyky;
  link: string;
}

const WORDS: Record<
  Language,
  {
    subject: string;
    hello: string;
    body: string;
    button: string;
    fallback: string;
    thanks: string;
    test: string;
  }
> = {
  uk: {
    subject: 'Оплата замовлення №{order} — {shop}',
    hello: 'Добрий день!',
    body: 'Щоб оплатити замовлення №{order} на суму {amount}, перейдіть за посиланням:',
    button: 'Оплатити {amount}',
    fallback: 'Якщо кнопка не відкривається, скопіюйте посилання у браузер:',
    thanks: 'Дякуємо, що обрали {shop}.',
    test: 'Це перевірка налаштувань пошти UAPAY Desk для {shop}: лист дійшов.',
  },
  ru: {
    subject: 'Оплата заказа №{order} — {shop}',
    hello: 'Здравствуйте!',
    body: 'Чтобы оплатить заказ №{order} на сумму {amount}, перейдите по ссылке:',
    button: 'Оплатить {amount}',
    fallback: 'Если кнопка не открывается, скопируйте ссылку в браузер:',
    thanks: 'Спасибо, что выбрали {shop}.',
    test: 'Это проверка настроек почты UAPAY Desk для {shop}: письмо дошло.',
  },
  en: {
    subject: 'Payment for order #{order} — {shop}',
    hello: 'Hello,',
    body: 'To pay for order #{order} ({amount}), follow this link:',
    button: 'Pay {amount}',
    fallback: 'If the button does not open, copy the link into your browser:',
    thanks: 'Thank you for choosing {shop}.',
    test: 'This is a test of the UAPAY Desk mail settings for {shop}: the letter arrived.',
  },
};

const LOCALES: Record<Language, string> = { uk: 'uk-UA', ru: 'ru-UA', en: 'en-GB' };

function formatHryvnias(amount: Kopiyky, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'UAH' }).format(
    amount / 100,
  );
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function paymentLinkLetter(input: LinkLetterInput): Letter {
  const w = WORDS[input.language];
  const values = {
    order: input.orderNumber,
    shop: input.shopName,
    amount: formatHryvnias(input.amount, input.language),
  };
  const line = (template: string) => fill(template, values);
  const html = (template: string) => escapeHtml(fill(template, values));
  const link = escapeHtml(input.link);
  return {
    subject: line(w.subject),
    text: [w.hello, '', line(w.body), input.link, '', line(w.thanks)].join('\n'),
    html: `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1b1f24;line-height:1.5">
<p>${escapeHtml(w.hello)}</p>
<p>${html(w.body)}</p>
<p><a href="${link}" style="display:inline-block;padding:10px 18px;background:#0a66c2;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${html(w.button)}</a></p>
<p style="color:#5b6472;font-size:13px">${escapeHtml(w.fallback)}<br><a href="${link}">${link}</a></p>
<p>${html(w.thanks)}</p>
</body></html>`,
  };
}

export function testLetter(language: Language, shopName: string): Letter {
  const text = fill(WORDS[language].test, { shop: shopName });
  return { subject: 'UAPAY Desk', text, html: `<p>${escapeHtml(text)}</p>` };
}
