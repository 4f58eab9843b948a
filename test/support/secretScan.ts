/**
 * Finds secrets where they must never be: files (a user-data folder, logs, exported CSVs, crash
 * output) and captured text (IPC replies, events, log lines). Each secret is looked for in every
 * form it could take once written somewhere: as is, JSON-escaped, URL- and form-encoded, hex, and
 * inside base64 / base64url text at any byte alignment (a pairing code carries the relay token
 * base64url-encoded inside JSON, so a plain search would miss it).
 *
 * No vitest and no core imports: the chaos run and the browser walk call it too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Hit {
  /** Index of the secret in the list given to scanForSecrets. */
  secret: number;
  /** The secret's first characters only, so a failing test does not print it whole. */
  preview: string;
  /** `file:<path>` or `text:<index>`. */
  where: string;
  /** Which form was found: plain, json, uri, form, hex, base64@<alignment>, base64url@<alignment>. */
  form: string;
  /** A few characters around the hit, the secret itself masked. */
  context: string;
}

/** Shorter forms would match by chance (a base64 fragment of a short secret is a few letters). */
const MIN_FORM_LENGTH = 8;

export function secretForms(secret: string): { form: string; text: string }[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: { form: string; text: string }[] = [
    { form: 'plain', text: secret },
    { form: 'json', text: JSON.stringify(secret).slice(1, -1) },
    { form: 'uri', text: encodeURIComponent(secret) },
    { form: 'form', text: new URLSearchParams({ v: secret }).toString().slice(2) },
    { form: 'hex', text: bytes.toString('hex') },
  ];
  // In base64 each byte's bits land in characters that depend on the byte's offset mod 3; the
  // characters made only of the secret's own bits are the same whatever surrounds it.
  for (const encoding of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift++) {
      const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString(encoding);
      const first = Math.ceil((shift * 8) / 6);
      const last = Math.floor(((shift + bytes.length) * 8) / 6);
      forms.push({ form: `${encoding}@${shift}`, text: encoded.slice(first, last) });
    }
  }
  const seen = new Set<string>();
  return forms.filter(({ text }) => text.length >= MIN_FORM_LENGTH && !seen.has(text) && seen.add(text));
}

/** Every file under each path (a path may be a file); paths that do not exist are skipped. */
function filesUnder(paths: string[]): string[] {
  const files: string[] = [];
  const visit = (entry: string) => {
    let info;
    try {
      info = statSync(entry);
    } catch {
      return;
    }
    if (info.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
    else if (info.isFile()) files.push(entry);
  };
  paths.forEach(visit);
  return files;
}

/** Searches every file under `paths` (byte for byte) and every text of `texts` for every secret. */
export function scanForSecrets(paths: string[], texts: string[], secrets: string[]): Hit[] {
  const wanted = secrets.map((secret, index) => ({ secret, index, forms: secretForms(secret) }));
  const hits: Hit[] = [];
  const search = (haystack: Buffer, where: string) => {
    for (const { secret, index, forms } of wanted) {
      for (const { form, text } of forms) {
        const at = haystack.indexOf(text, 0, 'utf8');
        if (at < 0) continue;
        const around = haystack.subarray(Math.max(0, at - 40), at + text.length + 40).toString('utf8');
        hits.push({
          secret: index,
          preview: `${secret.slice(0, 4)}…`,
          where,
          form,
          context: around.split(text).join('<SECRET>'),
        });
      }
    }
  };
  for (const file of filesUnder(paths)) search(readFileSync(file), `file:${file}`);
  texts.forEach((text, index) => search(Buffer.from(text, 'utf8'), `text:${index}`));
  return hits;
}

/**
 * Wraps every function of a handlers object so each reply, and each error thrown, is kept as
 * text (JSON) for scanning. The wrapped object is what the test then calls (through `dispatch`).
 */
export function recordReplies<T extends object>(handlers: T): { handlers: T; replies: string[] } {
  const replies: string[] = [];
  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([name, fn]) => [
      name,
      async (request: unknown) => {
        try {
          const reply: unknown = await (fn as (r: unknown) => Promise<unknown>)(request);
          replies.push(`${name} ${JSON.stringify(reply) ?? ''}`);
          return reply;
        } catch (error) {
          replies.push(`${name} threw ${describeError(error)}`);
          throw error;
        }
      },
    ]),
  ) as T;
  return { handlers: wrapped, replies };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return JSON.stringify(error) ?? String(error);
  return JSON.stringify({ ...error, name: error.name, message: error.message, stack: error.stack });
}

/**
 * Everything written to this process's stderr and stdout (the core's log lines) until `stop()`;
 * the lines still go through, so a failing test shows them.
 */
export function captureOutput(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const originals = { stderr: process.stderr.write, stdout: process.stdout.write };
  for (const name of ['stderr', 'stdout'] as const) {
    const stream = process[name];
    const original = originals[name];
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  }
  return {
    lines,
    stop: () => {
      process.stderr.write = originals.stderr;
      process.stdout.write = originals.stdout;
    },
  };
}
