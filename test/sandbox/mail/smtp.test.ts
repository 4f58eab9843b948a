import { describe, expect, it } from 'vitest';
import { sender, startCatcher } from './support';

const LINK_MAIL = {
  from: '"Demo shop" <shop@demo.example>',
  to: 'Олена Коваленко <olena.kovalenko@example.com>',
  bcc: 'archive@demo.example',
  subject: 'Оплата замовлення №101A',
  text: 'Сплатіть за посиланням: http://127.0.0.1:4020/payment/abc',
  html: '<p>Сплатіть <a href="http://127.0.0.1:4020/payment/abc">за посиланням</a></p>',
  attachments: [{ filename: 'рахунок.txt', content: 'Рахунок 101A' }],
};

describe('mail catcher: SMTP', () => {
  it('keeps a message sent with nodemailer: envelope, headers, both bodies, attachment names, login', async () => {
    const { catcher, smtpPort } = await startCatcher();
    const info = await sender(smtpPort, { user: 'any-user', pass: 'any password' }).sendMail(LINK_MAIL);
    expect(info.rejected).toEqual([]);
    const [message] = catcher.messages();
    expect(message).toMatchObject({
      id: '1',
      authUser: 'any-user',
      envelope: {
        from: 'shop@demo.example',
        to: ['olena.kovalenko@example.com', 'archive@demo.example'],
      },
      from: '"Demo shop" <shop@demo.example>',
      to: ['olena.kovalenko@example.com'],
      subject: 'Оплата замовлення №101A',
      text: expect.stringContaining('http://127.0.0.1:4020/payment/abc'),
      html: expect.stringContaining('<a href="http://127.0.0.1:4020/payment/abc">'),
      messageId: info.messageId,
      attachments: [{ filename: 'рахунок.txt', contentType: 'text/plain', size: 19 }],
    });
    expect(message!.headers['content-type']).toMatch(/^multipart\/mixed/);
    expect(message!.headers.bcc).toBeUndefined();
    expect(Date.parse(message!.date!)).not.toBeNaN();
  });

  it('accepts mail without a login, and offers STARTTLS only when asked to', async () => {
    const mail = { from: 'a@demo.example', to: 'b@example.com', subject: 'plain', text: 'hi' };
    const plain = await startCatcher();
    const info = await sender(plain.smtpPort, null).sendMail(mail);
    expect(info.ehlo).not.toContain('STARTTLS');
    expect(plain.catcher.messages()[0]).toMatchObject({
      authUser: null,
      tls: false,
      html: null,
      text: 'hi\n',
    });

    const tls = await startCatcher({ startTls: true });
    // smtp-server's built-in certificate is self-signed (and old): only a lenient client accepts it.
    const transport = sender(tls.smtpPort, null, { tls: { rejectUnauthorized: false } });
    await transport.sendMail(mail);
    expect(tls.catcher.messages()[0]).toMatchObject({ tls: true, subject: 'plain' });
  });

  it('lists the newest first, waits for a message and forgets everything on clear()', async () => {
    const { catcher, smtpPort } = await startCatcher();
    const waiting = catcher.waitFor((message) => message.subject === 'second', 5_000);
    const transport = sender(smtpPort);
    await transport.sendMail({ from: 'a@demo.example', to: 'b@example.com', subject: 'first', text: '1' });
    await transport.sendMail({ from: 'a@demo.example', to: 'b@example.com', subject: 'second', text: '2' });
    expect((await waiting).id).toBe('2');
    expect(catcher.messages().map((message) => message.subject)).toEqual(['second', 'first']);
    await expect(catcher.waitFor((message) => message.subject === 'never', 50)).rejects.toThrow(/50 ms/);
    expect(catcher.clear()).toBe(2);
    expect(catcher.messages()).toEqual([]);
    await transport.sendMail({ from: 'a@demo.example', to: 'b@example.com', subject: 'third', text: '3' });
    expect(catcher.messages()[0]!.id).toBe('3');
  });

  it("refuses every connection with 421 while 'down', and works again once the fault is cleared", async () => {
    const { catcher, smtpPort } = await startCatcher();
    catcher.setFault('down');
    const mail = { from: 'a@demo.example', to: 'b@example.com', subject: 's', text: 't' };
    await expect(sender(smtpPort).sendMail(mail)).rejects.toMatchObject({ responseCode: 421 });
    expect(catcher.messages()).toEqual([]);
    catcher.setFault(null);
    await sender(smtpPort).sendMail(mail);
    expect(catcher.messages()).toHaveLength(1);
  });

  it('answers the other faults with their SMTP codes: 451 busy, 550 reject, 535 auth', async () => {
    const { catcher, smtpPort } = await startCatcher();
    const mail = { from: 'a@demo.example', to: 'b@example.com', subject: 's', text: 't' };
    for (const [fault, code] of [
      ['busy', 451],
      ['reject', 550],
      ['auth', 535],
    ] as const) {
      catcher.setFault(fault);
      await expect(sender(smtpPort).sendMail(mail)).rejects.toMatchObject({ responseCode: code });
    }
    expect(catcher.messages()).toEqual([]);
  });

  it('refuses a message above the size limit with 552', async () => {
    const { catcher, smtpPort } = await startCatcher({ sizeLimit: 2_000 });
    const mail = { from: 'a@demo.example', to: 'b@example.com', subject: 'big', text: 'x'.repeat(5_000) };
    await expect(sender(smtpPort).sendMail(mail)).rejects.toMatchObject({ responseCode: 552 });
    expect(catcher.messages()).toEqual([]);
  });
});
