/**
 * The hosted payment page at paymentPageUrl (`/payment/<invoice id>`, reference §1 and §3.2): a
 * form for a test card, a 3-D Secure step, and a result page. POSTs answer 303 to a GET page, so a
 * reload never pays twice. Also the QR page (paymentPageUrlQR) and a receipt page (chequeLink).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { checkCardForm, THREE_D_SECURE_CODE, type CardFormInput } from './cards';
import { invoiceStatus } from './invoices';
import {
  formatHryvnias,
  messagePage,
  payFormPage,
  qrPage,
  resultPage,
  threeDsPage,
  type InvoiceSummary,
  type ResultInfo,
} from './pageHtml';
import {
  assertPayable,
  attemptPayment,
  expireHolds,
  NotPayableError,
  type NotPayableReason,
} from './payments';
import { originOf, type FakeRuntime } from './runtime';
import type { InvoiceRecord, PaymentRecord } from './state';
import { isFullyReversed, isHeld, isReleased } from './statuses';
import { paymentPageUrl } from './views';

const NOT_PAYABLE_PAGE: Record<NotPayableReason, [heading: string, text: string]> = {
  paid: ['Рахунок уже сплачено', 'Цей рахунок можна сплатити лише один раз.'],
  expired: ['Термін дії рахунку минув', 'Цей рахунок більше не можна сплатити.'],
  declined: [
    'Рахунок закрито',
    'Після відхиленої оплати цей рахунок не можна сплатити. Попросіть у продавця нове посилання.',
  ],
};

interface Challenge {
  invoiceId: string;
  pan: string;
}

type Form = Record<string, string | undefined>;

export function registerHostedPage(app: FastifyInstance, runtime: FakeRuntime): void {
  const { store } = runtime;
  const challenges = new Map<string, Challenge>();

  const html = (reply: FastifyReply, status: number, page: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  const invoiceOf = (id: string) => {
    expireHolds(store);
    return store.invoices.get(id);
  };
  const summaryOf = (invoice: InvoiceRecord): InvoiceSummary => ({
    merchantName: store.merchants.get(invoice.clientId)?.name ?? '',
    description: invoice.description,
    amount: invoice.amount,
  });
  const notFound = (reply: FastifyReply) =>
    html(reply, 404, messagePage('Рахунок не знайдено', 'Перевірте посилання на оплату.'));
  const notPayable = (reply: FastifyReply, error: NotPayableError, status: number) =>
    html(reply, status, messagePage(...NOT_PAYABLE_PAGE[error.reason]));
  const toResult = (reply: FastifyReply, invoice: InvoiceRecord, payment: PaymentRecord) =>
    reply.code(303).header('location', `/payment/${invoice.id}/result/${payment.paymentId}`).send();

  app.get<{ Params: { invoiceId: string } }>('/payment/:invoiceId', (request, reply) => {
    const invoice = invoiceOf(request.params.invoiceId);
    if (!invoice) return notFound(reply);
    try {
      assertPayable(store, invoice);
    } catch (error) {
      if (error instanceof NotPayableError) return notPayable(reply, error, 200);
      throw error;
    }
    return html(reply, 200, payFormPage(summaryOf(invoice), `/payment/${invoice.id}`));
  });

  app.post<{ Params: { invoiceId: string }; Body: Form }>('/payment/:invoiceId', (request, reply) => {
    const invoice = invoiceOf(request.params.invoiceId);
    if (!invoice) return notFound(reply);
    const form = (request.body ?? {}) as CardFormInput;
    try {
      assertPayable(store, invoice);
      const card = checkCardForm(form, store.clock.now());
      if (!card.ok) {
        const page = payFormPage(summaryOf(invoice), `/payment/${invoice.id}`, card, form);
        return html(reply, 422, page);
      }
      if (card.behaviour === '3ds') {
        const challengeId = store.newId();
        challenges.set(challengeId, { invoiceId: invoice.id, pan: card.pan });
        return reply.code(303).header('location', `/payment/${invoice.id}/3ds/${challengeId}`).send();
      }
      const payment = attemptPayment(store, invoice, {
        pan: card.pan,
        approved: card.behaviour === 'success',
      });
      return toResult(reply, invoice, payment);
    } catch (error) {
      if (error instanceof NotPayableError) return notPayable(reply, error, 409);
      throw error;
    }
  });

  app.get<{ Params: { invoiceId: string; challengeId: string } }>(
    '/payment/:invoiceId/3ds/:challengeId',
    (request, reply) => {
      const invoice = invoiceOf(request.params.invoiceId);
      const challenge = challenges.get(request.params.challengeId);
      if (!invoice || challenge?.invoiceId !== invoice.id) return notFound(reply);
      const masked = `${challenge.pan.slice(0, 4)} **** **** ${challenge.pan.slice(-4)}`;
      const action = `/payment/${invoice.id}/3ds/${request.params.challengeId}`;
      return html(reply, 200, threeDsPage(summaryOf(invoice), action, masked));
    },
  );

  app.post<{ Params: { invoiceId: string; challengeId: string }; Body: Form }>(
    '/payment/:invoiceId/3ds/:challengeId',
    (request, reply) => {
      const invoice = invoiceOf(request.params.invoiceId);
      const challenge = challenges.get(request.params.challengeId);
      if (!invoice || challenge?.invoiceId !== invoice.id) return notFound(reply);
      challenges.delete(request.params.challengeId);
      const approved = (request.body?.code ?? '').trim() === THREE_D_SECURE_CODE;
      try {
        return toResult(reply, invoice, attemptPayment(store, invoice, { pan: challenge.pan, approved }));
      } catch (error) {
        if (error instanceof NotPayableError) return notPayable(reply, error, 409);
        throw error;
      }
    },
  );

  app.get<{ Params: { invoiceId: string; paymentId: string } }>(
    '/payment/:invoiceId/result/:paymentId',
    (request, reply) => {
      const invoice = invoiceOf(request.params.invoiceId);
      const payment = store.payments.get(request.params.paymentId);
      if (!invoice || payment?.invoiceId !== invoice.id) return notFound(reply);
      return html(reply, 200, resultPage(summaryOf(invoice), describe(runtime, invoice, payment)));
    },
  );

  app.get<{ Params: { invoiceId: string } }>('/payment/:invoiceId/qr', async (request, reply) => {
    const invoice = invoiceOf(request.params.invoiceId);
    if (!invoice) return notFound(reply);
    const url = paymentPageUrl(originOf(runtime), invoice.id);
    return html(reply, 200, qrPage(await QRCode.toString(url, { type: 'svg', margin: 1 }), url));
  });

  app.get<{ Params: { paymentId: string } }>('/api/receipts/:paymentId', (request, reply) => {
    const payment = store.payments.get(request.params.paymentId);
    const invoice = payment && store.invoices.get(payment.invoiceId);
    if (!payment?.approved || !invoice) return html(reply, 404, messagePage('Квитанцію не знайдено', ''));
    const text = `Квитанція ${payment.receiptId}: ${formatHryvnias(payment.amount)}, ${invoice.description}.`;
    return html(reply, 200, messagePage('Квитанція', text));
  });
}

/** What the payer is told about an attempt, by its current status. */
function describe(runtime: FakeRuntime, invoice: InvoiceRecord, payment: PaymentRecord): ResultInfo {
  const redirectUrl = invoice.redirectUrl;
  if (!payment.approved) {
    const active = invoiceStatus(runtime.store, invoice) === 'ACTIVE';
    return {
      heading: 'Оплату відхилено',
      text: 'Банк відхилив операцію. Спробуйте ще раз або іншу картку.',
      ...(active ? { retryUrl: `/payment/${invoice.id}` } : {}),
      redirectUrl,
    };
  }
  if (isHeld(payment)) {
    return {
      heading: 'Оплата успішна',
      text: 'Кошти заблоковано на вашій картці. Продавець спише їх після підтвердження замовлення.',
      redirectUrl,
    };
  }
  if (isReleased(payment)) {
    return { heading: 'Оплату скасовано', text: 'Блокування коштів знято.', redirectUrl };
  }
  if (isFullyReversed(payment)) {
    return { heading: 'Кошти повернено', text: 'Оплату повернено на вашу картку.', redirectUrl };
  }
  return { heading: 'Оплата успішна', text: 'Оплату здійснено.', redirectUrl };
}
