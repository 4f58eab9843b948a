/**
 * Structured log lines on stderr. Fields are data, not prose, so the redaction pass sees every
 * value that is about to be written: any secret the keychain gave or took is masked in the line.
 */
import { redactions } from './secrets/redaction';

type Level = 'debug' | 'info' | 'warn' | 'error';

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (level === 'debug' && !process.env.DESK_DEBUG) return;
  const line = { time: new Date().toISOString(), level, message, ...describe(fields) };
  process.stderr.write(`${redactions.mask(JSON.stringify(line))}\n`);
}

function describe(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message } : value;
  }
  return out;
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};
