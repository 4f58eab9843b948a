/**
 * `npm run sandbox` as another process would use it: the CLI started as a real child process with
 * --json on free ports, then real RetailCRM, UAPAY and SMTP traffic from this process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = path.join(import.meta.dirname, '..', '..', 'electron', 'sandbox', 'cli.ts');
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args]);
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before printing: ${stderr}`)));
  });
  firstLine.catch(() => {}); // only the tests that start the sandbox wait for it
  return { child, firstLine, exited, output: () => ({ stdout, stderr }) };
}

const keyBytes = (secretKey: string) => new TextEncoder().encode(secretKey);

/** reference §2.2: {params, data?, iat, token}, token = HS256 over {params, data?, iat} with the key string. */
async function uapayCall(url: string, method: string, secretKey: string, params: Record<string, unknown>) {
  const iat = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ params, iat })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(keyBytes(secretKey));
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ params, iat, token }),
  });
  const body = (await response.json()) as { status: number; data: { token: string } };
  expect(response.status).toBe(200);
  expect(body.status).toBe(1);
  const { payload } = await jwtVerify(body.data.token, keyBytes(secretKey));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return payload as any;
}

describe('sandbox CLI', () => {
  it('prints one JSON line, serves real RetailCRM, UAPAY and SMTP clients, and stops on SIGTERM', async () => {
    const cli = run(['--json', '--random-ports', '--size', '40', '--seed', '11']);
    const line = await cli.firstLine;
    const info = JSON.parse(line);
    expect(info).toMatchObject({
      retailcrm: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), apiKey: expect.any(String) },
      uapay: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) },
      mail: { smtpPort: expect.any(Number), url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) },
    });
    expect(info.uapay.merchants).toHaveLength(2);

    const response = await fetch(`${info.retailcrm.url}/api/v5/orders?limit=100`, {
      headers: { 'X-API-KEY': info.retailcrm.apiKey },
    });
    expect(response.status).toBe(200);
    const orders = await response.json();
    expect(orders).toMatchObject({
      success: true,
      pagination: { limit: 100, totalCount: 40, currentPage: 1 },
    });

    // A signed sessions/create for each merchant, then invoices/show of a seeded link by its id from RetailCRM.
    for (const merchant of info.uapay.merchants) {
      const session = await uapayCall(info.uapay.url, 'sessions/create', merchant.secretKey, {
        clientId: merchant.clientId,
      });
      expect(session.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const order = orders.orders.find(
      (candidate: { payments: Record<string, { externalId?: string; type: string }> }) =>
        Object.values(candidate.payments).some(
          (payment) => payment.externalId && payment.type.startsWith('uapay-'),
        ),
    );
    const payment = Object.values(
      order.payments as Record<string, { externalId?: string; type: string }>,
    ).find((candidate) => candidate.externalId)!;
    const merchant = info.uapay.merchants.find(
      (m: { paymentTypeCode: string }) => m.paymentTypeCode === payment.type,
    );
    const session = await uapayCall(info.uapay.url, 'sessions/create', merchant.secretKey, {
      clientId: merchant.clientId,
    });
    const invoice = await uapayCall(info.uapay.url, 'invoicer/invoices/show', merchant.secretKey, {
      sessionId: session.id,
      id: payment.externalId,
    });
    expect(invoice).toMatchObject({ id: payment.externalId, externalId: order.number });

    await nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: info.mail.smtpPort,
        secure: false,
        auth: { user: info.mail.user, pass: info.mail.password },
      })
      .sendMail({ from: 'shop@demo.example', to: 'olena@example.com', subject: 'from a test', text: 'x' });
    const mails = await (await fetch(`${info.mail.url}/messages`)).json();
    expect(mails[0]).toMatchObject({ subject: 'from a test' });

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout.trim().split('\n')).toHaveLength(1);
    await expect(fetch(`${info.retailcrm.url}/api/api-versions`)).rejects.toThrow();
  });

  it('refuses a host other than the loopback and bad numbers, saying why', async () => {
    const host = run(['--json', '--random-ports', '--host', '0.0.0.0']);
    const size = run(['--size', 'many']);
    expect(await host.exited).toBe(1);
    expect(host.output().stderr).toMatch(/127\.0\.0\.1 or localhost/);
    expect(await size.exited).toBe(2);
    expect(size.output().stderr).toMatch(/--size must be a whole number/);
  });
});
