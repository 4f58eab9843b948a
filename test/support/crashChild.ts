import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * Runs a test fixture (TypeScript, through tsx) in a process of its own, with `env` over this
 * one's, until its journal (`journalFile`) has recorded `step`, then kills it with SIGKILL there,
 * as a crash would, and waits until it is gone.
 */
export async function crashAtStep(options: {
  fixture: string;
  env: Record<string, string>;
  journalFile: string;
  step: string;
  timeoutMs?: number;
}): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', options.fixture], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...options.env },
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  try {
    const until = Date.now() + (options.timeoutMs ?? 20_000);
    for (;;) {
      const text = await readFile(options.journalFile, 'utf8').catch(() => '');
      if (text.includes(`"step":"${options.step}"`)) break;
      if (Date.now() > until) throw new Error(`the child never wrote ${options.step}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}
