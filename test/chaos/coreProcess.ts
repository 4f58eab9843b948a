/**
 * The parent's handle on the core's child process: start it, send it calls, kill it with SIGKILL.
 * The sandbox stays in the parent, so its call counts and state outlive every kill.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Result } from '../../electron/shared/errors';
import type { CoreEnv, FromCore, ToCore } from './protocol';

/** The child went away while a call waited (killed by the run, or crashed). */
export class CoreGone extends Error {
  constructor(readonly exit: string) {
    super(`the core process ended (${exit})`);
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (result: Result<unknown>) => void; reject: (error: Error) => void };

export class CoreProcess {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: string | undefined;
  private killedByUs = false;
  private stderr = '';
  readonly ended: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8_000);
      if (process.env.DESK_CHAOS_VERBOSE) process.stderr.write(chunk);
    });
    child.on('message', (message: FromCore) => {
      if (!('id' in message)) return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiting?.resolve(message.result);
    });
    this.ended = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exited = signal ?? `exit code ${code}`;
        for (const waiting of this.pending.values()) waiting.reject(new CoreGone(this.exited));
        this.pending.clear();
        resolve();
      });
    });
  }

  static async start(env: CoreEnv): Promise<CoreProcess> {
    const child = fork(await coreBundle(), [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const core = new CoreProcess(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      void core.ended.then(() => reject(new Error(`the core did not start: ${core.stderr.slice(-2_000)}`)));
    });
    return core;
  }

  /** An IPC channel's call, as the renderer would make it; rejects with CoreGone if the process ends. */
  call(channel: string, request: unknown): Promise<Result<unknown>> {
    return this.send({ kind: 'call', channel, request });
  }

  async reconcile(): Promise<number> {
    const result = await this.send({ kind: 'reconcile' });
    return result.ok ? (result.value as number) : -1;
  }

  /** The app quitting normally: everything flushed and closed. */
  async close(): Promise<void> {
    if (this.exited) return;
    await this.send({ kind: 'close' }).catch(() => undefined);
    await this.ended;
  }

  kill(): Promise<void> {
    if (!this.exited) {
      this.killedByUs = true;
      this.child.kill('SIGKILL');
    }
    return this.ended;
  }

  /** Set when the process ended without being killed or closed by the run: a crash. */
  crash(): string | undefined {
    if (!this.exited || this.killedByUs || this.exited === 'exit code 0') return undefined;
    return `${this.exited}: ${this.stderr.slice(-2_000)}`;
  }

  /** The core's last error log line (its stderr), to say what an internal error was. */
  lastErrorLog(): string | undefined {
    return this.stderr
      .split('\n')
      .filter((line) => line.includes('"level":"error"'))
      .at(-1);
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  private send(message: WithoutId<ToCore>): Promise<Result<unknown>> {
    if (this.exited) return Promise.reject(new CoreGone(this.exited));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...message, id } as ToCore);
    });
  }
}

let bundled: Promise<string> | undefined;

/**
 * The child's code, bundled once per run with esbuild (what tsx and Vite use underneath): under
 * tsx's loader every start took seconds on a busy machine, and the run restarts the core often.
 * npm packages stay external and load from node_modules, which is why the file is kept there,
 * named by its content so runs of the same code share it.
 */
export function coreBundle(): Promise<string> {
  bundled ??= (async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const result = await build({
      entryPoints: [path.join(import.meta.dirname, 'coreChild.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    const code = result.outputFiles[0]!.contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const outfile = path.join(root, 'node_modules', '.cache', 'desk-chaos', `core-${hash}.mjs`);
    if (!existsSync(outfile)) {
      mkdirSync(path.dirname(outfile), { recursive: true });
      writeFileSync(`${outfile}.${process.pid}`, code);
      renameSync(`${outfile}.${process.pid}`, outfile);
    }
    return outfile;
  })();
  return bundled;
}
