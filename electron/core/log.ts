/**
 * Structured log lines on stderr, and in every sink added (the log file, logFile.ts). Fields are
 * data, not prose, so the redaction pass sees every value that is about to be written: any secret
 * the keychain gave or took is masked in the line before it goes anywhere.
 */
import { redactions } from './secrets/redaction';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Takes one finished line (masked, ending in a newline). */
export type LogSink = (line: string) => void;

const sinks = new Set<LogSink>();

/** Sends every later line to `sink` as well; the function returned stops it. */
export function addLogSink(sink: LogSink): () => void {
  sinks.add(sink);
  return () => sinks.delete(sink);
}

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (level === 'debug' && !process.env.DESK_DEBUG) return;
  const line = { time: new Date().toISOString(), level, message, ...describe(fields) };
  const text = `${redactions.mask(JSON.stringify(line))}\n`;
  process.stderr.write(text);
  for (const sink of sinks) sink(text);
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
