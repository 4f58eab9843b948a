import { describe, expect, it } from 'vitest';
import { sender, startCatcher } from './support';

async function get(url: string) {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body: any = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, type, csp: response.headers.get('content-security-policy'), body };
}

describe('mail catcher: HTTP listing', () => {
  it('lists caught messages newest first with text and HTML, and shows one by id', async () => {
    const { url, smtpPort } = await startCatcher();
    const transport = sender(smtpPort);
    await transport.sendMail({
      from: '"Demo shop" <shop@demo.example>',
      to: 'olena@example.com',
      subject: 'Посилання на оплату',
      text: 'Сплатіть: http://127.0.0.1:4020/payment/1',
      html: '<p>Сплатіть: <a href="http://127.0.0.1:4020/payment/1">оплатити</a></p>',
    });
    await transport.sendMail({
      from: 'shop@demo.example',
      to: 'ivan@example.com',
      subject: 'Друге',
      text: 'два',
    });

    const list = await get(`${url}/messages`);
    expect(list.status).toBe(200);
    expect(list.body.map((message: { subject: string }) => message.subject)).toEqual([
      'Друге',
      'Посилання на оплату',
    ]);
    expect(list.body[1]).toMatchObject({
      id: '1',
      from: '"Demo shop" <shop@demo.example>',
      to: ['olena@example.com'],
      text: 'Сплатіть: http://127.0.0.1:4020/payment/1',
      html: '<p>Сплатіть: <a href="http://127.0.0.1:4020/payment/1">оплатити</a></p>',
      headers: expect.objectContaining({ subject: expect.any(String), 'message-id': expect.any(String) }),
    });
    expect((await get(`${url}/messages?to=OLENA@example.com`)).body).toHaveLength(1);
    expect((await get(`${url}/messages/2`)).body).toMatchObject({
      id: '2',
      text: expect.stringContaining('два'),
      html: null,
    });
    expect(await get(`${url}/messages/99`)).toMatchObject({
      status: 404,
      body: { error: 'Message not found' },
    });
  });

  it('serves the HTML body as a page with scripts blocked, and the text in <pre> when there is no HTML', async () => {
    const { url, smtpPort } = await startCatcher();
    const transport = sender(smtpPort);
    await transport.sendMail({
      from: 'a@demo.example',
      to: 'b@example.com',
      html: '<h1>Оплата</h1><script>x()</script>',
    });
    await transport.sendMail({
      from: 'a@demo.example',
      to: 'b@example.com',
      subject: '<s>',
      text: 'a < b & c',
    });
    const page = await get(`${url}/messages/1/html`);
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body).toContain('<h1>Оплата</h1>');
    expect(page.csp).toContain("default-src 'none'");
    expect(page.csp).not.toContain('script-src');
    const text = await get(`${url}/messages/2/html`);
    expect(text.body).toContain('<pre');
    expect(text.body).toContain('a &#60; b &#38; c');
    expect(text.body).toContain('<title>&#60;s&#62;</title>');
    expect((await get(`${url}/messages/3/html`)).status).toBe(404);
    expect((await get(`${url}/`)).body).toContain('href="/messages/2/html"');
  });

  it('forgets every message on DELETE /messages', async () => {
    const { url, smtpPort, catcher } = await startCatcher();
    await sender(smtpPort).sendMail({ from: 'a@demo.example', to: 'b@example.com', text: 'x' });
    const response = await fetch(`${url}/messages`, { method: 'DELETE' });
    expect(await response.json()).toEqual({ deleted: 1 });
    expect((await get(`${url}/messages`)).body).toEqual([]);
    expect(catcher.messages()).toEqual([]);
  });

  it('switches the SMTP fault over HTTP, refusing unknown faults', async () => {
    const { url, smtpPort, catcher } = await startCatcher();
    const put = (fault: unknown) =>
      fetch(`${url}/__sandbox/fault`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fault }),
      });
    expect((await put('down')).status).toBe(200);
    expect(catcher.fault()).toBe('down');
    expect((await get(`${url}/__sandbox/fault`)).body).toEqual({ fault: 'down' });
    await expect(
      sender(smtpPort).sendMail({ from: 'a@demo.example', to: 'b@example.com', text: 'x' }),
    ).rejects.toMatchObject({
      responseCode: 421,
    });
    expect((await put('melted')).status).toBe(400);
    expect((await put(null)).status).toBe(200);
    expect(catcher.fault()).toBeNull();
  });
});
