/**
 * The hosted payment page's HTML: Ukrainian, self-contained (no external resources), every field
 * and button labelled so people and browser tests (getByRole/getByLabel) find them.
 */
import { groupPan, TEST_CARDS, THREE_D_SECURE_CODE } from './cards';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Kopiyky → "1 234,50 грн" (integer arithmetic, Ukrainian separators). */
export function formatHryvnias(kopiyky: number): string {
  const whole = Math.trunc(Math.abs(kopiyky) / 100);
  const cents = String(Math.abs(kopiyky) % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${kopiyky < 0 ? '-' : ''}${grouped},${cents} грн`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button,a.button{display:inline-block;margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:.3rem;text-decoration:none}
[role=alert]{color:#b00020}.amount{font-size:1.5rem;font-weight:700}.hint{margin-top:2rem;font-size:.85rem;color:#555}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="uk">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — UAPAY (тестове середовище)</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>`;
}

export interface InvoiceSummary {
  merchantName: string;
  description: string;
  amount: number;
}

function summary(invoice: InvoiceSummary): string {
  return `<p>Продавець: ${escapeHtml(invoice.merchantName)}</p>
<p>Призначення: ${escapeHtml(invoice.description)}</p>
<p>До сплати: <span class="amount">${formatHryvnias(invoice.amount)}</span></p>`;
}

export interface FormError {
  field: 'pan' | 'expiry' | 'cvv';
  message: string;
}

export function payFormPage(
  invoice: InvoiceSummary,
  action: string,
  error?: FormError,
  values: { pan?: string; expiry?: string } = {},
): string {
  const field = (name: FormError['field'], label: string, attributes: string, value = ''): string => {
    const invalid = error?.field === name;
    return `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" ${attributes} value="${escapeHtml(value)}" required${
      invalid ? ` aria-invalid="true" aria-describedby="${name}-error"` : ''
    }>${invalid ? `\n<p id="${name}-error" role="alert">${escapeHtml(error.message)}</p>` : ''}`;
  };
  return layout(
    'Оплата карткою',
    `<h1>Оплата карткою</h1>
${summary(invoice)}
<form method="post" action="${escapeHtml(action)}" novalidate>
${field('pan', 'Номер картки', 'inputmode="numeric" autocomplete="cc-number"', values.pan)}
${field('expiry', 'Термін дії (ММ/РР)', 'placeholder="ММ/РР" autocomplete="cc-exp"', values.expiry)}
${field('cvv', 'CVV2', 'inputmode="numeric" autocomplete="cc-csc" type="password"')}
<button type="submit">Сплатити ${formatHryvnias(invoice.amount)}</button>
</form>
<section class="hint" aria-label="Тестові картки">
<p>Тестові картки (будь-який майбутній термін дії, будь-який CVV2):</p>
<ul><li>${groupPan(TEST_CARDS.success)} — успішна оплата</li>
<li>${groupPan(TEST_CARDS.decline)} — банк відхиляє</li>
<li>${groupPan(TEST_CARDS.threeDSecure)} — потрібне підтвердження 3-D Secure (код ${THREE_D_SECURE_CODE})</li></ul>
</section>`,
  );
}

export function threeDsPage(invoice: InvoiceSummary, action: string, maskedPan: string): string {
  return layout(
    'Підтвердження 3-D Secure',
    `<h1>Підтвердження 3-D Secure</h1>
${summary(invoice)}
<p>Банк надіслав код підтвердження для картки ${escapeHtml(maskedPan)}.</p>
<form method="post" action="${escapeHtml(action)}" novalidate>
<label for="code">Код підтвердження</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<button type="submit">Підтвердити</button>
</form>`,
  );
}

export interface ResultInfo {
  heading: string;
  text: string;
  /** A link to try again (declined attempts). */
  retryUrl?: string;
  /** The shop's redirectUrl: "Go to website" shows only when the invoice has one (§3.2). */
  redirectUrl?: string;
}

export function resultPage(invoice: InvoiceSummary, result: ResultInfo): string {
  const links = [
    result.retryUrl ? `<a class="button" href="${escapeHtml(result.retryUrl)}">Спробувати ще раз</a>` : '',
    result.redirectUrl
      ? `<a class="button" href="${escapeHtml(result.redirectUrl)}">Повернутися до магазину</a>`
      : '',
  ].filter(Boolean);
  return layout(
    result.heading,
    `<h1>${escapeHtml(result.heading)}</h1>
<p role="status">${escapeHtml(result.text)}</p>
${summary(invoice)}
${links.join('\n')}`,
  );
}

export function messagePage(heading: string, text: string): string {
  return layout(heading, `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(text)}</p>`);
}

export function qrPage(svg: string, url: string): string {
  return layout(
    'QR-код для оплати',
    `<h1>QR-код для оплати</h1>
<figure role="img" aria-label="QR-код посилання на оплату">${svg}</figure>
<p><a href="${escapeHtml(url)}">Відкрити сторінку оплати</a></p>`,
  );
}
