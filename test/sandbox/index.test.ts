import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../electron/sandbox';

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.stop()));
});

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  const sandbox = await startSandbox({ size: 30, ...options });
  started.push(sandbox);
  return sandbox;
}

const crmGet = (sandbox: Sandbox, path: string, key = sandbox.retailcrm.apiKey) =>
  fetch(`${sandbox.retailcrm.url}${path}`, { headers: { 'X-API-KEY': key } });

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('startSandbox', () => {
  it('starts both fakes and the mail catcher on loopback, seeded and wired to the profile', async () => {
    const sandbox = await start();
    for (const url of [sandbox.retailcrm.url, sandbox.uapay.url, sandbox.mail.url]) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const orders = await (await crmGet(sandbox, '/api/v5/orders?limit=100')).json();
    expect(orders.pagination.totalCount).toBe(30);
    expect((await crmGet(sandbox, '/api/v5/orders', sandbox.retailcrm.limitedApiKey)).status).toBe(200);
    expect(sandbox.uapay.merchants.map((merchant) => [merchant.clientId, merchant.confirmManually])).toEqual([
      ['8001', true],
      ['8002', false],
    ]);
    expect(sandbox.profile.settings.retailCrm.url).toBe(sandbox.retailcrm.url);

    // Mail sent the way the profile says arrives in the catcher.
    const { smtp } = sandbox.profile.settings;
    await nodemailer
      .createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: { user: smtp.user, pass: sandbox.secrets.smtpPassword },
      })
      .sendMail({
        from: { name: smtp.fromName, address: smtp.fromAddress },
        to: 'olena@example.com',
        subject: 'Оплата',
        text: 'x',
      });
    const listed = await (await fetch(`${sandbox.mail.url}/messages`)).json();
    expect(listed[0]).toMatchObject({
      subject: 'Оплата',
      authUser: 'demo',
      from: '"Demo shop" <shop@demo.example>',
    });
  });

  it('shares one clock between the fakes and the catcher', async () => {
    const sandbox = await start({ size: 0 });
    expect(sandbox.retailcrm.fake.clock).toBe(sandbox.clock);
    expect(sandbox.uapay.fake.control.clock).toBe(sandbox.clock);
    sandbox.clock.advance(10 * 24 * 3_600_000);
    await nodemailer
      .createTransport({ host: '127.0.0.1', port: sandbox.mail.smtpPort, secure: false })
      .sendMail({ from: 'a@demo.example', to: 'b@example.com', text: 'later' });
    const [message] = sandbox.mail.catcher.messages();
    expect(Date.parse(message!.receivedAt) - Date.now()).toBeGreaterThan(9 * 24 * 3_600_000);
  });

  it("passes the fakes' options through: rate limit, UAPAY limit, hold lifetime", async () => {
    const sandbox = await start({
      size: 12,
      retailcrm: { rateLimitPerSecond: 1 },
      uapay: { rateLimit: { requests: 5, perMs: 1_000 }, holdLifetimeMs: 48 * 3_600_000 },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await crmGet(sandbox, '/api/v5/orders')).status);
    expect(statuses).toContain(503);
    expect(sandbox.uapay.fake.control.rateLimit()).toEqual({ requests: 5, perMs: 1_000 });
    expect(sandbox.profile.settings.holdLifetimeHours).toBe(48);
    // The seed dated its holds for the shorter lifetime: every held payment is still held.
    const held = sandbox.uapay.fake.state
      .invoices()
      .filter((invoice) => invoice.payments.at(-1)?.paymentStatus === 'HOLDED');
    expect(held.length).toBe(sandbox.seed.counts.held);
  });

  it('refuses a host other than the loopback', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1 or localhost/);
  });

  it('closes what it started when a port is taken, and stop() is safe twice', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const crmPort = await freePort();
    try {
      await expect(
        startSandbox({ size: 0, ports: { retailcrm: crmPort, smtp: taken } }),
      ).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    await expect(fetch(`http://127.0.0.1:${crmPort}/api/api-versions`)).rejects.toThrow();

    const sandbox = await startSandbox({ size: 0 });
    await sandbox.stop();
    await sandbox.stop();
    await expect(fetch(`${sandbox.retailcrm.url}/api/api-versions`)).rejects.toThrow();
    await expect(fetch(`${sandbox.mail.url}/messages`)).rejects.toThrow();
  });

  it('leaves nothing open: a process that starts, uses and stops it ends on its own', async () => {
    const fixture = path.join(import.meta.dirname, 'fixtures', 'startStop.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    expect(output).toContain('stopped');
    expect(code).toBe(0);
  });
});
