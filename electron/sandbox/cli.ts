/**
 * `npm run sandbox` (tsx electron/sandbox/cli.ts): the fakes, the mail catcher and the Demo seed on
 * 127.0.0.1 until Ctrl+C / SIGTERM. Prints where everything is and the demo keys; with `--json`,
 * exactly one JSON line on stdout (everything else goes to stderr) for scripts.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startSandbox, type Sandbox, type SandboxOptions } from './index';
import { LIMITED_API_KEY_MISSING } from './seed';
import { TEST_CARDS, THREE_D_SECURE_CODE } from './uapay';

const DEFAULT_PORTS = { retailcrm: 4010, uapay: 4020, smtp: 4025, mailHttp: 4026 } as const;

const USAGE = `Usage: tsx electron/sandbox/cli.ts [options]
  --retailcrm-port N   RetailCRM fake (default ${DEFAULT_PORTS.retailcrm})
  --uapay-port N       UAPAY fake (default ${DEFAULT_PORTS.uapay})
  --smtp-port N        mail catcher SMTP (default ${DEFAULT_PORTS.smtp})
  --mail-port N        mail catcher HTTP listing (default ${DEFAULT_PORTS.mailHttp})
  --random-ports       every port 0: free ports chosen by the system (tests)
  --host H             127.0.0.1 (default) or localhost
  --size N             orders to seed (default 300; 0 = account setup only)
  --seed N             the seed (same seed, same data)
  --rate-limit N       RetailCRM requests per second per key (default 10; 0 = off)
  --latency MS         added to every RetailCRM request
  --callback-time-factor F   UAPAY callback retry delays × F (default 1)
  --profile-out FILE   also write the demo team profile (the app's import format) to FILE
  --json               print one JSON line instead of text
  --help`;

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function parseCli(argv: string[]): { options: SandboxOptions; json: boolean; profileOut?: string } | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'retailcrm-port': { type: 'string' },
      'uapay-port': { type: 'string' },
      'smtp-port': { type: 'string' },
      'mail-port': { type: 'string' },
      'random-ports': { type: 'boolean' },
      host: { type: 'string' },
      size: { type: 'string' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      latency: { type: 'string' },
      'callback-time-factor': { type: 'string' },
      'profile-out': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const port = (name: 'retailcrm-port' | 'uapay-port' | 'smtp-port' | 'mail-port', fallback: number) =>
    values['random-ports'] ? 0 : (integer(name, values[name], 0, 65_535) ?? fallback);
  const factor =
    values['callback-time-factor'] === undefined ? undefined : Number(values['callback-time-factor']);
  if (factor !== undefined && !(factor > 0))
    throw new RangeError('--callback-time-factor must be a number above 0');
  return {
    json: values.json ?? false,
    profileOut: values['profile-out'],
    options: {
      host: values.host,
      ports: {
        retailcrm: port('retailcrm-port', DEFAULT_PORTS.retailcrm),
        uapay: port('uapay-port', DEFAULT_PORTS.uapay),
        smtp: port('smtp-port', DEFAULT_PORTS.smtp),
        mailHttp: port('mail-port', DEFAULT_PORTS.mailHttp),
      },
      size: integer('size', values.size, 0, 1_000_000),
      seed: integer('seed', values.seed, 0, Number.MAX_SAFE_INTEGER),
      retailcrm: {
        rateLimitPerSecond: integer('rate-limit', values['rate-limit'], 0, 1_000_000),
        latencyMs: integer('latency', values.latency, 0, 600_000),
      },
      uapay: { callbackTimeFactor: factor },
    },
  };
}

/** What scripts read: `retailcrm.url`, `retailcrm.apiKey`, `uapay.url`, `uapay.merchants[]`, `mail.*`. */
function summary(sandbox: Sandbox) {
  return {
    retailcrm: {
      url: sandbox.retailcrm.url,
      apiKey: sandbox.retailcrm.apiKey,
      limitedApiKey: sandbox.retailcrm.limitedApiKey,
    },
    uapay: { url: sandbox.uapay.url, merchants: sandbox.uapay.merchants },
    mail: {
      smtpHost: sandbox.mail.smtpHost,
      smtpPort: sandbox.mail.smtpPort,
      url: sandbox.mail.url,
      user: sandbox.profile.settings.smtp.user,
      password: sandbox.secrets.smtpPassword,
    },
    seed: sandbox.seed,
    profile: sandbox.profile,
    secrets: sandbox.secrets,
  };
}

function describe(sandbox: Sandbox): string {
  const { retailcrm, uapay, mail, seed } = sandbox;
  const counts = Object.entries(seed.counts)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  return [
    `UAPAY Desk sandbox — seed ${seed.seed}, ${seed.size} orders (${counts}), ${seed.customers} customers;`,
    `${seed.holdsExpiringWithinDay} held payments expire within 24 hours`,
    '',
    `RetailCRM  ${retailcrm.url}   (API under /api/v5/..., admin under /__sandbox/)`,
    `  API key:          ${retailcrm.apiKey}`,
    `  limited API key:  ${retailcrm.limitedApiKey}   (lacks ${LIMITED_API_KEY_MISSING.join(', ')})`,
    `UAPAY      ${uapay.url}   (API under /api/..., payment pages under /payment/<invoice id>)`,
    ...uapay.merchants.map(
      (merchant) =>
        `  ${merchant.name}: client id ${merchant.clientId}, secret key ${merchant.secretKey}, ` +
        `payment type ${merchant.paymentTypeCode}, ${merchant.confirmManually ? 'HOLD (confirm manually)' : 'PAY'}`,
    ),
    `  test cards: ${TEST_CARDS.success} approves, ${TEST_CARDS.decline} is declined, ` +
      `${TEST_CARDS.threeDSecure} asks for 3-D Secure (code ${THREE_D_SECURE_CODE})`,
    `SMTP       ${mail.smtpHost}:${mail.smtpPort}   (any login; profile: ${sandbox.profile.settings.smtp.user} / ${sandbox.secrets.smtpPassword})`,
    `Mailbox    ${mail.url}   (JSON: ${mail.url}/messages)`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sandbox = await startSandbox(parsed.options);
  if (parsed.profileOut) await writeFile(parsed.profileOut, `${JSON.stringify(sandbox.profile, null, 2)}\n`);
  process.stdout.write(parsed.json ? `${JSON.stringify(summary(sandbox))}\n` : `${describe(sandbox)}\n`);
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: stopping the sandbox…\n`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const hint =
    code === 'EADDRINUSE' ? ' (a port is taken: pass another with --…-port, or --random-ports)' : '';
  process.stderr.write(`The sandbox could not start: ${(error as Error).message}${hint}\n`);
  process.exit(1);
});
