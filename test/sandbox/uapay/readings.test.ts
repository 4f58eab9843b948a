import { describe, expect, it } from 'vitest';
import {
  checkReadings,
  DEFAULT_READINGS,
  DEFAULT_SESSION_LIFETIME_MS,
  NotPayableError,
  parseReadings,
  READING_PROFILE_NAMES,
  READING_PROFILES,
  READING_VALUES,
  SHORT_SESSION_LIFETIME_MS,
  TEST_CARDS,
  type ReadingName,
  type UapayReadings,
} from '../../../electron/sandbox/uapay';
import {
  invoiceShow,
  operate,
  paymentShow,
  startFake,
  startReceiver,
  waitFor,
  type Harness,
} from './harness';

const valuesOf = <K extends ReadingName>(name: K) => READING_VALUES[name] as unknown as UapayReadings[K][];

const pair = (text: string) => {
  const [status, paymentStatus] = text.split('/');
  return { status, paymentStatus };
};

describe('UAPAY fake readings: the profiles', () => {
  it('use every value of every switch in at least one profile, and name every switch', () => {
    const profiles = Object.values(READING_PROFILES) as UapayReadings[];
    for (const [name, values] of Object.entries(READING_VALUES)) {
      for (const value of values) {
        const users = READING_PROFILE_NAMES.filter(
          (profile) => (READING_PROFILES[profile] as UapayReadings)[name as ReadingName] === value,
        );
        expect(users, `${name} = ${JSON.stringify(value)}`).not.toEqual([]);
      }
    }
    for (const profile of profiles) {
      expect(Object.keys(profile).sort()).toEqual(Object.keys(READING_VALUES).sort());
      expect(checkReadings(profile)).toBe(profile);
    }
  });

  it('start from today’s guesses: the first value of each switch', () => {
    expect(READING_PROFILES.today).toEqual(DEFAULT_READINGS);
    expect(DEFAULT_READINGS).toMatchObject({
      partialReverse: 'FINISHED/RETURNED',
      fullReverse: 'REVERSED/REVERSED',
      errorHttpStatus: 400,
      sessionError: 'SESSION_*',
    });
  });

  it('are read from a name with overrides, and anything unknown is refused', () => {
    expect(parseReadings('strict-a')).toEqual(READING_PROFILES['strict-a']);
    expect(parseReadings('')).toEqual(DEFAULT_READINGS);
    expect(parseReadings('today,afterDecline=INACTIVE,errorHttpStatus=200')).toEqual({
      ...DEFAULT_READINGS,
      afterDecline: 'INACTIVE',
      errorHttpStatus: 200,
    });
    expect(() => parseReadings('strict-z')).toThrow(/Unknown readings profile/);
    expect(() => parseReadings('today,nope=1')).toThrow(/Unknown reading "nope"/);
    expect(() => parseReadings('today,cancel=CANCELED/PAID')).toThrow(/cancel cannot be/);
    expect(() => parseReadings('today,cancel')).toThrow(/name=value/);
  });
});

describe('UAPAY fake readings: status pairs (reference §4, §3.7–§3.9)', () => {
  it.each(valuesOf('partialReverse'))(
    'partialReverse %s: the pair after a partial reverse, and the rest still reversible',
    async (partialReverse) => {
      const h = await startFake({ readings: { partialReverse, capture: 'PAID/FINISHED' } });
      const ids = await h.paidInvoice('PAY', 25_000);
      expect((await operate(h, 'reverse', ids, { data: { amount: 10_000 } })).body.status).toBe(1);
      const expected = partialReverse === 'unchanged' ? pair('FINISHED/FINISHED') : pair(partialReverse);
      expect(await paymentShow(h, ids)).toMatchObject({ ...expected, amount: 25_000 });
      expect((await invoiceShow(h, ids)).payments[0]).toMatchObject(expected);
      // A captured hold keeps the capture's own pair under `unchanged`.
      const held = await h.paidInvoice('HOLD', 25_000, { externalId: 'HOLD-1' });
      await operate(h, 'complete', held);
      await operate(h, 'reverse', held, { data: { amount: 1_000 } });
      expect(await paymentShow(h, held)).toMatchObject(
        partialReverse === 'unchanged' ? pair('PAID/FINISHED') : pair(partialReverse),
      );

      expect((await operate(h, 'reverse', ids, { data: { amount: 15_001 } })).body.error.code).toBe(
        'AMOUNT_ERROR',
      );
      expect((await operate(h, 'reverse', ids, { data: { amount: 15_000 } })).body.status).toBe(1);
      expect(await paymentShow(h, ids)).toMatchObject(pair(DEFAULT_READINGS.fullReverse));
      expect(h.fake.state.money(ids.paymentId)).toMatchObject({ captured: 25_000, reversed: 25_000 });
      expect((await operate(h, 'reverse', ids, { data: { amount: 1 } })).body.error.code).toBe(
        'PAYMENT_STATUS_ERROR',
      );
    },
  );

  it.each(valuesOf('fullReverse'))(
    'fullReverse %s: the pair once everything went back',
    async (fullReverse) => {
      const h = await startFake({ readings: { fullReverse } });
      const ids = await h.paidInvoice('PAY', 25_000);
      expect((await operate(h, 'reverse', ids)).body.status).toBe(1);
      expect(await paymentShow(h, ids)).toMatchObject(pair(fullReverse));
      expect((await operate(h, 'reverse', ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
    },
  );

  it.each(valuesOf('capture'))('capture %s: the pair after payments/complete', async (capture) => {
    const h = await startFake({ readings: { capture } });
    const ids = await h.paidInvoice('HOLD', 25_000);
    expect(await paymentShow(h, ids)).toMatchObject(pair('PAID/HOLDED'));
    expect((await operate(h, 'complete', ids)).body.status).toBe(1);
    expect(await paymentShow(h, ids)).toMatchObject(pair(capture));
    // Captured, whatever it is called: reversible, not capturable again.
    expect((await operate(h, 'complete', ids)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
    expect((await operate(h, 'reverse', ids)).body.status).toBe(1);
  });

  it.each(valuesOf('cancel'))(
    'cancel %s: the pair after payments/cancel and after a hold expires',
    async (cancel) => {
      const h = await startFake({ readings: { cancel } });
      const canceled = await h.paidInvoice('HOLD', 25_000);
      expect((await operate(h, 'cancel', canceled)).body.status).toBe(1);
      expect(await paymentShow(h, canceled)).toMatchObject(pair(cancel));
      // Released money is neither capturable nor reversible, even when it reads REVERSED.
      expect((await operate(h, 'reverse', canceled)).body.error.code).toBe('PAYMENT_STATUS_ERROR');
      expect((await operate(h, 'complete', canceled)).body.error.code).toBe('PAYMENT_STATUS_ERROR');

      const expiring = await h.paidInvoice('HOLD', 25_000, { externalId: 'HOLD-2' });
      h.fake.control.advanceClock(8 * 24 * 3_600_000);
      const fresh = { ...expiring, sessionId: await h.session() };
      expect(await paymentShow(h, fresh)).toMatchObject(pair(cancel));
      expect(h.fake.state.money(expiring.paymentId)).toMatchObject({ phase: 'hold-expired', captured: 0 });
    },
  );

  it.each(valuesOf('decline'))('decline %s: the pair of a declined card attempt', async (decline) => {
    const h = await startFake({ readings: { decline } });
    const sessionId = await h.session();
    const { id: invoiceId } = await h.createInvoice(sessionId);
    const { paymentId } = h.fake.state.pay(invoiceId, { card: 'decline' });
    expect((await invoiceShow(h, { sessionId, invoiceId })).payments).toEqual([
      expect.objectContaining({ paymentId, ...pair(decline) }),
    ]);
    expect(await paymentShow(h, { sessionId, paymentId })).toMatchObject(pair(decline));
  });

  it('relabels payments at run time (control.setReadings) without touching their money', async () => {
    const h = await startFake();
    const ids = await h.paidInvoice('PAY', 25_000);
    await operate(h, 'reverse', ids, { data: { amount: 5_000 } });
    expect(await paymentShow(h, ids)).toMatchObject(pair('FINISHED/RETURNED'));
    h.fake.control.setReadings({ partialReverse: 'REVERSED/REVERSED' });
    expect(await paymentShow(h, ids)).toMatchObject(pair('REVERSED/REVERSED'));
    expect(h.fake.control.readings()).toEqual({ ...DEFAULT_READINGS, partialReverse: 'REVERSED/REVERSED' });
    expect(h.fake.state.money(ids.paymentId)).toMatchObject({ captured: 25_000, reversed: 5_000 });
    expect(() => h.fake.control.setReadings({ cancel: 'NEW/OPEN' } as never)).toThrow(TypeError);
  });
});

describe('UAPAY fake readings: invoices after a decline, and the order of payments[] (§3.2, §3.3)', () => {
  it('afterDecline ACTIVE: the invoice stays payable; another attempt is allowed', async () => {
    const h = await startFake({ readings: { afterDecline: 'ACTIVE' } });
    const sessionId = await h.session();
    const { id: invoiceId, paymentPageUrl } = await h.createInvoice(sessionId);
    h.fake.state.pay(invoiceId, { card: 'decline' });
    expect((await invoiceShow(h, { sessionId, invoiceId })).invoiceStatus).toBe('ACTIVE');
    expect(await (await fetch(paymentPageUrl)).text()).toContain('<form');
    expect(h.fake.state.pay(invoiceId, { card: 'success' })).toMatchObject(pair('FINISHED/FINISHED'));
  });

  it('afterDecline INACTIVE: the invoice is spent by the decline; page and pay() refuse it', async () => {
    const h = await startFake({ readings: { afterDecline: 'INACTIVE' } });
    const sessionId = await h.session();
    const { id: invoiceId, paymentPageUrl } = await h.createInvoice(sessionId);
    expect((await invoiceShow(h, { sessionId, invoiceId })).invoiceStatus).toBe('ACTIVE');
    h.fake.state.pay(invoiceId, { card: 'decline' });
    expect((await invoiceShow(h, { sessionId, invoiceId })).invoiceStatus).toBe('INACTIVE');
    const page = await fetch(paymentPageUrl);
    expect(await page.text()).toContain('Рахунок закрито');
    const posted = await fetch(paymentPageUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ pan: TEST_CARDS.success, expiry: '12/39', cvv: '123' }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(409);
    expect(() => h.fake.state.pay(invoiceId, { card: 'success' })).toThrow(NotPayableError);
    expect(h.fake.state.invoice(invoiceId)?.payments).toHaveLength(1);
  });

  it.each(valuesOf('paymentsOrder'))('paymentsOrder %s', async (paymentsOrder) => {
    const h = await startFake({ readings: { paymentsOrder, afterDecline: 'ACTIVE' } });
    const sessionId = await h.session();
    const { id: invoiceId } = await h.createInvoice(sessionId);
    const declined = h.fake.state.pay(invoiceId, { card: 'decline' });
    h.fake.control.advanceClock(1_000);
    const paid = h.fake.state.pay(invoiceId, { card: 'success' });
    const oldestFirst = [declined.paymentId, paid.paymentId];
    const shown = (await invoiceShow(h, { sessionId, invoiceId })).payments.map(
      (p: { paymentId: string }) => p.paymentId,
    );
    expect(shown).toEqual(paymentsOrder === 'oldest-first' ? oldestFirst : oldestFirst.reverse());
  });
});

describe('UAPAY fake readings: fields of the replies (§3.3–§3.5, §3.7)', () => {
  it.each(valuesOf('reversedAt'))('reversedAt %s', async (reversedAt) => {
    const h = await startFake({ readings: { reversedAt } });
    const ids = await h.paidInvoice('PAY', 25_000);
    const before = await invoiceShow(h, ids);
    await operate(h, 'reverse', ids, { data: { amount: 1_000 } });
    const shown = (await paymentShow(h, ids)).reversedAt;
    const inInvoice = (await invoiceShow(h, ids)).payments[0];
    const when = new Date(h.clock.now()).toISOString().slice(0, 16);
    if (reversedAt === 'nowhere') expect(shown).toBeNull();
    else expect(shown).toMatch(new RegExp(`^${when}`));
    if (reversedAt === 'everywhere') {
      expect(before.payments[0].reversedAt).toBeNull();
      expect(inInvoice.reversedAt).toBe(shown);
    } else {
      expect(before.payments[0]).not.toHaveProperty('reversedAt');
      expect(inInvoice).not.toHaveProperty('reversedAt');
    }
  });

  it.each(valuesOf('partialCaptureAmount'))(
    'partialCaptureAmount %s: the amount shown; the refund ceiling stays what was captured',
    async (partialCaptureAmount) => {
      const receiver = await startReceiver();
      const h = await startFake({ readings: { partialCaptureAmount }, callbackTimeFactor: 0.001 });
      const ids = await h.paidInvoice('HOLD', 25_000, { callbackUrl: receiver.url });
      await operate(h, 'complete', ids, { params: { amount: 20_000 } });
      const shown = partialCaptureAmount === 'captured' ? 20_000 : 25_000;
      expect(await paymentShow(h, ids)).toMatchObject({ amount: shown });
      expect((await invoiceShow(h, ids)).payments[0]).toMatchObject({ amount: shown });
      await waitFor(() => h.fake.control.callbacks().some((d) => d.event === 'captured'));
      expect(h.fake.control.callbacks().find((d) => d.event === 'captured')?.payload).toMatchObject({
        amount: shown,
      });
      expect(h.fake.state.money(ids.paymentId)).toMatchObject({ authorised: 25_000, captured: 20_000 });
      expect((await operate(h, 'reverse', ids, { data: { amount: 20_001 } })).body.error.code).toBe(
        'AMOUNT_ERROR',
      );
      expect((await operate(h, 'reverse', ids)).body.status).toBe(1);
      expect(h.fake.state.money(ids.paymentId)).toMatchObject({ reversed: 20_000 });
    },
  );

  it.each(valuesOf('showList'))('showList %s: the items of invoices/show/list', async (showList) => {
    const h = await startFake({ readings: { showList } });
    const ids = await h.paidInvoice('PAY', 25_000, { externalId: 'LIST-1', extraInfo: '{"paymentId":7}' });
    const result = await h.call('invoicer/invoices/show/list', {
      params: { sessionId: ids.sessionId, externalIds: ['LIST-1'] },
    });
    const [item] = result.payload!.invoices;
    const summary = {
      id: ids.invoiceId,
      externalId: 'LIST-1',
      invoiceNumber: expect.any(Number),
      clientId: 7001,
      systemType: 'ECOM',
      amount: 25_000,
      reusability: false,
      description: 'Замовлення 1',
      invoiceStatus: 'INACTIVE',
    };
    if (showList === 'summary') expect(item).toEqual(summary);
    else expect(item).toEqual({ ...(await invoiceShow(h, ids)), iat: undefined, ...summary });
  });

  it.each(valuesOf('extraInfo'))(
    'extraInfo %s: in invoices/show; callbacks keep the string',
    async (extraInfo) => {
      const receiver = await startReceiver();
      const h = await startFake({ readings: { extraInfo }, callbackTimeFactor: 0.001 });
      const text = '{"paymentId":7,"order":"A-1"}';
      const ids = await h.paidInvoice('PAY', 25_000, { extraInfo: text, callbackUrl: receiver.url });
      expect((await invoiceShow(h, ids)).extraInfo).toEqual(
        extraInfo === 'string' ? text : { paymentId: 7, order: 'A-1' },
      );
      await waitFor(() => h.fake.control.callbacks().length > 0);
      expect(h.fake.control.callbacks()[0]?.payload.extraInfo).toBe(text);
    },
  );
});

describe('UAPAY fake readings: errors (§1, §3.1, §6.1)', () => {
  it.each(valuesOf('errorHttpStatus'))(
    'errorHttpStatus %s: every handled error envelope, the same body',
    async (errorHttpStatus) => {
      const h = await startFake({ readings: { errorHttpStatus } });
      const missing = await h.call('invoicer/invoices/show', { params: { id: 'x' } });
      expect(missing).toMatchObject({
        http: errorHttpStatus,
        body: { status: 0, error: { code: 'FORMAT_ERROR', fields: { params: { sessionId: 'REQUIRED' } } } },
      });
      const late = await h.call('sessions/create', { params: { clientId: '7001' }, iat: 1_000 });
      expect(late).toMatchObject({
        http: errorHttpStatus,
        body: { status: 0, error: { code: 'TIMELIMIT_ERROR' } },
      });
      const unreadable = await fetch(`${h.origin}/api/sessions/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
      expect(unreadable.status).toBe(errorHttpStatus);
      expect((await unreadable.json()).error.code).toBe('FORMAT_ERROR');
      // A fault that names its status keeps it; the rate limit keeps 429.
      h.fake.control.addFault({ method: 'sessions/create', kind: 'error', code: 'BANK_DOWN' });
      expect((await h.call('sessions/create', { params: { clientId: '7001' } })).http).toBe(errorHttpStatus);
      h.fake.control.addFault({
        method: 'sessions/create',
        kind: 'error',
        code: 'BANK_DOWN',
        httpStatus: 503,
      });
      expect((await h.call('sessions/create', { params: { clientId: '7001' } })).http).toBe(503);
      h.fake.control.setRateLimit({ requests: 1, perMs: 60_000 });
      await h.call('sessions/create', { params: { clientId: '7001' } });
      expect((await h.call('sessions/create', { params: { clientId: '7001' } })).http).toBe(429);
    },
  );

  const SESSION_ERRORS: Record<UapayReadings['sessionError'], { unknown: object; expired: object }> = {
    'SESSION_*': {
      unknown: { code: 'SESSION_NOT_FOUND', message: 'Session not found' },
      expired: { code: 'SESSION_EXPIRED', message: 'Session expired' },
    },
    TOKEN_EXPIRED: {
      unknown: { code: 'TOKEN_EXPIRED', message: 'Token expired' },
      expired: { code: 'TOKEN_EXPIRED', message: 'Token expired' },
    },
    FORMAT_ERROR: {
      unknown: { code: 'FORMAT_ERROR', fields: { params: { sessionId: 'INVALID' } } },
      expired: { code: 'FORMAT_ERROR', fields: { params: { sessionId: 'INVALID' } } },
    },
  };

  it.each(valuesOf('sessionError'))(
    'sessionError %s: an unknown and an expired session',
    async (sessionError) => {
      const h = await startFake({ readings: { sessionError } });
      const unknown = await h.call('invoicer/invoices/show', { params: { sessionId: 'nope', id: 'x' } });
      expect(unknown.body).toEqual({ status: 0, error: SESSION_ERRORS[sessionError].unknown });
      const sessionId = await h.session();
      h.clock.advance(DEFAULT_SESSION_LIFETIME_MS);
      const expired = await h.call('invoicer/invoices/show', { params: { sessionId, id: 'x' } });
      expect(expired.body).toEqual({ status: 0, error: SESSION_ERRORS[sessionError].expired });
    },
  );

  it.each(valuesOf('sessionLifetime'))('sessionLifetime %s', async (sessionLifetime) => {
    const h = await startFake({ readings: { sessionLifetime } });
    const sessionId = await h.session();
    const show = async () =>
      (await h.call('invoicer/invoices/show/list', { params: { sessionId, ids: ['x'] } })).body;
    h.clock.advance(SHORT_SESSION_LIFETIME_MS - 1_000);
    expect((await show()).status).toBe(1);
    h.clock.advance(1_000);
    if (sessionLifetime === 'short') expect((await show()).error.code).toBe('SESSION_EXPIRED');
    else expect((await show()).status).toBe(1);
  });

  it.each(valuesOf('duplicateExternalId'))(
    'duplicateExternalId %s: a second invoice with a used externalId',
    async (duplicateExternalId) => {
      const h = await startFake({ readings: { duplicateExternalId } });
      const sessionId = await h.session();
      await h.createInvoice(sessionId, { externalId: 'ORDER-7' });
      const again = await h.call('invoicer/invoices/create', {
        params: { sessionId, systemType: 'ECOM' },
        data: { externalId: 'ORDER-7', type: 'PAY', amount: 500, description: 'again' },
      });
      const byExternalId = () =>
        h.call('invoicer/invoices/show/list', { params: { sessionId, externalIds: ['ORDER-7'] } });
      if (duplicateExternalId === 'accepted') {
        expect(again.body.status).toBe(1);
        expect((await byExternalId()).payload!.invoices).toHaveLength(2);
        return;
      }
      expect(again.body).toEqual({
        status: 0,
        error:
          duplicateExternalId === 'FORMAT_ERROR'
            ? { code: 'FORMAT_ERROR', fields: { data: { externalId: 'DUPLICATE' } } }
            : { code: 'EXTERNAL_ID_EXISTS', message: 'An invoice with this externalId already exists' },
      });
      expect((await byExternalId()).payload!.invoices).toHaveLength(1);
      // Another merchant's externalId is not this one's.
      await h.createInvoice(await h.session(), { externalId: 'ORDER-8' });
      expect(() =>
        h.fake.state.createInvoice('7001', {
          type: 'PAY',
          amount: 1,
          externalId: 'ORDER-8',
          description: 'x',
        }),
      ).toThrow(/FORMAT_ERROR|already exists/);
      expect(
        h.fake.state.createInvoice('7002', {
          type: 'PAY',
          amount: 1,
          externalId: 'ORDER-8',
          description: 'x',
        }).id,
      ).toEqual(expect.any(String));
    },
  );
});

describe('UAPAY fake readings: the admin API', () => {
  async function admin(h: Harness, method: string, body?: unknown) {
    const response = await fetch(`${h.origin}/__sandbox/readings`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  it('GET and PUT /__sandbox/readings: a profile, then single switches; a bad request changes nothing', async () => {
    const h = await startFake({ readings: { extraInfo: 'string' } });
    expect(await admin(h, 'GET')).toEqual({
      status: 200,
      body: { readings: { ...DEFAULT_READINGS, extraInfo: 'string' } },
    });
    const put = await admin(h, 'PUT', { profile: 'strict-b', readings: { errorHttpStatus: 200 } });
    expect(put).toEqual({
      status: 200,
      body: { readings: { ...READING_PROFILES['strict-b'], errorHttpStatus: 200 } },
    });
    expect(h.fake.control.readings()).toEqual(put.body.readings);
    const missing = await h.call('invoicer/invoices/show', { params: { id: 'x' } });
    expect(missing.http).toBe(200);

    expect((await admin(h, 'PUT', { profile: 'today', readings: { cancel: 'X/Y' } })).status).toBe(400);
    expect((await admin(h, 'PUT', { profile: 'nope' })).status).toBe(400);
    expect((await admin(h, 'PUT', { readings: { unknown: 1 } })).status).toBe(400);
    expect(h.fake.control.readings()).toEqual(put.body.readings);
  });
});
