import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const BUNDLE = path.join(ROOT, 'dist/relay/index.js');
const SOURCES = path.join(ROOT, 'electron/relay');
/** Files outside electron/relay that the relay imports (and so the bundle includes). */
const SHARED_SOURCES = [path.join(ROOT, 'electron/shared/pairingCode.ts')];

/**
 * How to start the relay: the production bundle (`node dist/relay/index.js`) when it is newer than
 * every relay source (as in `npm test`, which builds first), else the sources under tsx's loader.
 * Either way plain node with no npx shell in between, so a signal reaches the relay itself.
 */
export function relayEntry(): string[] {
  if (existsSync(BUNDLE)) {
    const built = statSync(BUNDLE).mtimeMs;
    const sources = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((file) => path.join(SOURCES, file));
    if ([...sources, ...SHARED_SOURCES].every((file) => statSync(file).mtimeMs < built)) return [BUNDLE];
  }
  return ['--import', 'tsx', 'electron/relay/index.ts'];
}
const ENTRY = relayEntry();

/** A relay server in a child process, as in production, on a free loopback port. */
export interface RelayProcess {
  base: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** `entry`: node arguments; the production bundle is `['dist/relay/index.js']`. */
export function spawnRelay(
  env: Record<string, string>,
  timeoutMs = 20_000,
  entry: string[] = ENTRY,
): Promise<RelayProcess> {
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: { ...process.env, RELAY_HOST: '127.0.0.1', RELAY_PORT: '0', RELAY_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay did not start:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ base: match[1]!, child, exited, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`relay exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** Runs one relay CLI command in a child process (`entry` as for spawnRelay). */
export function runRelayCli(
  args: string[],
  env: Record<string, string>,
  entry: string[] = ENTRY,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
