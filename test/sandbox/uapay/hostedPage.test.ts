import { describe, expect, it } from 'vitest';
import { formatPayExpiresAt, TEST_CARDS, THREE_D_SECURE_CODE } from '../../../electron/sandbox/uapay';
import { startFake, type Harness } from './harness';

/** An expiry five years ahead of the machine's date. */
const FUTURE = `12/${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, '0')}`;

async function post(url: string, form: Record<string, string>) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

/** Follows one 303 and returns the page it leads to. */
async function follow(h: Harness, response: Response) {
  expect(response.status).toBe(303);
  const location = response.headers.get('location')!;
  const page = await fetch(new URL(location, h.origin));
  return { location, status: page.status, html: await page.text() };
}

async function invoiceFor(h: Harness, data: Record<string, unknown> = {}) {
  const sessionId = await h.session();
  const invoice = await h.createInvoice(sessionId, {
    amount: 123450,
    description: 'Замовлення №77',
    ...data,
  });
  return { sessionId, ...invoice };
}

async function paymentsOf(h: Harness, sessionId: string, id: string) {
  return (await h.call('invoicer/invoices/show', { params: { sessionId, id } })).payload!;
}

describe('UAPAY fake: the hosted payment page', () => {
  it('serves a self-contained Ukrainian form with labelled fields and the amount in hryvnias', async () => {
    const h = await startFake();
    const { paymentPageUrl } = await invoiceFor(h);
    const response = await fetch(paymentPageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="uk">');
    expect(html).toContain('1 234,50 грн');
    expect(html).toContain('Замовлення №77');
    expect(html).toContain('Квітковий магазин');
    for (const [id, label] of [
      ['pan', 'Номер картки'],
      ['expiry', 'Термін дії (ММ/РР)'],
      ['cvv', 'CVV2'],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toMatch(new RegExp(`<input id="${id}" name="${id}"`));
    }
    expect(html).toContain('<button type="submit">Сплатити 1 234,50 грн</button>');
    // No external resources: nothing loaded from another origin.
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('pays with the success card: 303 to a result page, FINISHED/FINISHED through the API', async () => {
    const h = await startFake();
    const { sessionId, id, paymentPageUrl } = await invoiceFor(h, {
      redirectUrl: 'https://shop.example/back',
    });
    const result = await follow(
      h,
      await post(paymentPageUrl, { pan: '4111 1111 1111 1111', expiry: FUTURE, cvv: '000' }),
    );
    expect(result.location).toMatch(new RegExp(`^/payment/${id}/result/[0-9a-f-]{36}$`));
    expect(result.html).toContain('<h1>Оплата успішна</h1>');
    expect(result.html).toContain('href="https://shop.example/back"');
    expect(result.html).toContain('Повернутися до магазину');
    const shown = await paymentsOf(h, sessionId, id);
    expect(shown.invoiceStatus).toBe('INACTIVE');
    expect(shown.payments).toMatchObject([
      { status: 'FINISHED', paymentStatus: 'FINISHED', cardFromMasked: '4111111111' },
    ]);
  });

  it('holds the money for a HOLD invoice and says so', async () => {
    const h = await startFake();
    const { sessionId, id, paymentPageUrl } = await invoiceFor(h, { type: 'HOLD' });
    const result = await follow(
      h,
      await post(paymentPageUrl, { pan: TEST_CARDS.success, expiry: FUTURE, cvv: '123' }),
    );
    expect(result.html).toContain('Кошти заблоковано');
    expect((await paymentsOf(h, sessionId, id)).payments).toMatchObject([
      { status: 'PAID', paymentStatus: 'HOLDED' },
    ]);
  });

  it('declines the decline card, offers another attempt, and accepts it', async () => {
    const h = await startFake();
    const { sessionId, id, paymentPageUrl } = await invoiceFor(h);
    const declined = await follow(
      h,
      await post(paymentPageUrl, { pan: TEST_CARDS.decline, expiry: FUTURE, cvv: '999' }),
    );
    expect(declined.html).toContain('<h1>Оплату відхилено</h1>');
    expect(declined.html).toContain(`href="/payment/${id}"`);
    expect(declined.html).toContain('Спробувати ще раз');
    expect((await paymentsOf(h, sessionId, id)).invoiceStatus).toBe('ACTIVE');

    await follow(h, await post(paymentPageUrl, { pan: TEST_CARDS.success, expiry: FUTURE, cvv: '999' }));
    const shown = await paymentsOf(h, sessionId, id);
    expect(shown.payments.map((p: { paymentStatus: string }) => p.paymentStatus)).toEqual([
      'REJECTED',
      'FINISHED',
    ]);
  });

  it('asks for 3-D Secure and pays when the code is right', async () => {
    const h = await startFake();
    const { sessionId, id, paymentPageUrl } = await invoiceFor(h);
    const challenge = await follow(
      h,
      await post(paymentPageUrl, { pan: TEST_CARDS.threeDSecure, expiry: FUTURE, cvv: '123' }),
    );
    expect(challenge.location).toMatch(new RegExp(`^/payment/${id}/3ds/`));
    expect(challenge.html).toContain('<label for="code">Код підтвердження</label>');
    expect(challenge.html).toContain('<button type="submit">Підтвердити</button>');
    // Nothing is paid before the code.
    expect((await paymentsOf(h, sessionId, id)).payments).toEqual([]);

    const result = await follow(
      h,
      await post(new URL(challenge.location, h.origin).href, { code: THREE_D_SECURE_CODE }),
    );
    expect(result.html).toContain('<h1>Оплата успішна</h1>');
    expect((await paymentsOf(h, sessionId, id)).payments).toMatchObject([{ paymentStatus: 'FINISHED' }]);
    // The challenge is used up.
    expect(
      (await post(new URL(challenge.location, h.origin).href, { code: THREE_D_SECURE_CODE })).status,
    ).toBe(404);
  });

  it('declines a 3-D Secure attempt with a wrong code', async () => {
    const h = await startFake();
    const { sessionId, id, paymentPageUrl } = await invoiceFor(h);
    const challenge = await follow(
      h,
      await post(paymentPageUrl, { pan: TEST_CARDS.threeDSecure, expiry: FUTURE, cvv: '321' }),
    );
    expect(challenge.location).toContain('/3ds/');
    const result = await follow(h, await post(new URL(challenge.location, h.origin).href, { code: '000' }));
    expect(result.html).toContain('Оплату відхилено');
    expect((await paymentsOf(h, sessionId, id)).payments).toMatchObject([
      { status: 'CANCELED', paymentStatus: 'REJECTED' },
    ]);
  });

  it.each([
    [{ pan: '1234', expiry: FUTURE, cvv: '123' }, 'pan', 'Введіть номер картки.'],
    [{ pan: '5555555555554444', expiry: FUTURE, cvv: '123' }, 'pan', 'лише тестові картки'],
    [{ pan: TEST_CARDS.success, expiry: '01/20', cvv: '123' }, 'expiry', 'Термін дії картки минув.'],
    [{ pan: TEST_CARDS.success, expiry: '13/39', cvv: '123' }, 'expiry', 'ММ/РР'],
    [{ pan: TEST_CARDS.success, expiry: FUTURE, cvv: 'x' }, 'cvv', 'CVV2'],
  ])('shows the form again with an alert for %j', async (form, field, message) => {
    const h = await startFake();
    const { sessionId, id, paymentPageUrl } = await invoiceFor(h);
    const response = await post(paymentPageUrl, form);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(`aria-describedby="${field}-error"`);
    expect(html).toMatch(
      new RegExp(`<p id="${field}-error" role="alert">[^<]*${message.replace(/[.()]/g, '\\$&')}`),
    );
    expect((await paymentsOf(h, sessionId, id)).payments).toEqual([]);
  });

  it('judges card expiry by the shared clock', async () => {
    const h = await startFake();
    // Twenty years on, the card has expired on the sandbox clock (not on the machine's).
    h.clock.advance(20 * 365 * 24 * 3600_000);
    const { paymentPageUrl } = await invoiceFor(h);
    const response = await post(paymentPageUrl, { pan: TEST_CARDS.success, expiry: FUTURE, cvv: '123' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Термін дії картки минув.');
  });

  it('refuses to pay an invoice past payExpiresAt', async () => {
    const h = await startFake();
    const { paymentPageUrl } = await invoiceFor(h, {
      payExpiresAt: formatPayExpiresAt(h.clock.now() + 60_000),
    });
    h.clock.advance(120_000);
    const page = await fetch(paymentPageUrl);
    const html = await page.text();
    expect(html).toContain('<h1>Термін дії рахунку минув</h1>');
    expect(html).not.toContain('<form');
    const response = await post(paymentPageUrl, { pan: TEST_CARDS.success, expiry: FUTURE, cvv: '123' });
    expect(response.status).toBe(409);
  });

  it('refuses to pay an invoice twice', async () => {
    const h = await startFake();
    const { sessionId, id, paymentPageUrl } = await invoiceFor(h);
    await follow(h, await post(paymentPageUrl, { pan: TEST_CARDS.success, expiry: FUTURE, cvv: '123' }));
    expect(await (await fetch(paymentPageUrl)).text()).toContain('<h1>Рахунок уже сплачено</h1>');
    expect((await post(paymentPageUrl, { pan: TEST_CARDS.success, expiry: FUTURE, cvv: '123' })).status).toBe(
      409,
    );
    expect((await paymentsOf(h, sessionId, id)).payments).toHaveLength(1);
  });

  it('answers 404 for an unknown invoice', async () => {
    const h = await startFake();
    expect((await fetch(`${h.origin}/payment/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });

  it('serves the QR page with an inline SVG code of the payment link', async () => {
    const h = await startFake();
    const sessionId = await h.session();
    const created = await h.call('invoicer/invoices/create', {
      params: { sessionId, systemType: 'ECOM' },
      data: { externalId: 'Q', type: 'PAY', amount: 100, description: 'q' },
    });
    const response = await fetch(created.payload!.paymentPageUrlQR);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<svg');
    expect(html).toContain(created.payload!.paymentPageUrl);
  });

  it('serves a receipt at chequeLink for an approved payment', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('PAY', 4250);
    const shown = await h.call('invoicer/payments/show', {
      params: { sessionId: ids.sessionId, paymentId: ids.paymentId },
    });
    const receipt = await fetch(shown.payload!.chequeLink);
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain('42,50 грн');
  });
});
