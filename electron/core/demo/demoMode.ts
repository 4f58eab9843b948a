import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DemoLetter } from '../../shared/channels/demo';
import type { Sandbox } from '../../sandbox';
import type { BackgroundTiming } from '../background/round';
import type { EventBus } from '../events';
import { log } from '../log';
import { Workspace, type WorkspaceOptions } from '../workspace';
import { memoryKeychain } from './memoryKeychain';
import { useSandbox } from './useSandbox';

/** Demo is lively: payments made on the sandbox's page show up within seconds. */
const DEMO_BACKGROUND: BackgroundTiming = { syncMs: 3_000, refreshMs: 10_000 };

export interface DemoOptions {
  userDataDir: string;
  events: EventBus;
  app: WorkspaceOptions['app'];
  /** Orders to seed (default: the sandbox's). */
  size?: number;
}

/**
 * Starts and stops the in-app sandbox and the Demo workspace on it. Each start is a fresh demo:
 * the sandbox keeps its state in memory, so the Demo folder of an earlier run is cleared.
 */
export class DemoMode {
  private running?: { sandbox: Sandbox; workspace: Workspace };
  private starting?: Promise<Workspace>;

  constructor(private readonly options: DemoOptions) {}

  get workspace(): Workspace | undefined {
    return this.running?.workspace;
  }

  start(): Promise<Workspace> {
    if (this.running) return Promise.resolve(this.running.workspace);
    this.starting ??= this.open().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async open(): Promise<Workspace> {
    const dir = path.join(this.options.userDataDir, 'demo');
    await rm(dir, { recursive: true, force: true });
    // Loaded here, not at the top: the fakes (fastify, the SMTP server, the seed) are for Demo mode
    // alone, and every other start of the app would pay for them. The main bundle puts them in a
    // chunk of their own (test/build/packaged.test.ts).
    const { startSandbox } = await import('../../sandbox');
    const sandbox = await startSandbox({
      ...(this.options.size !== undefined && { size: this.options.size }),
    });
    try {
      const workspace = new Workspace({
        dir,
        secretStore: memoryKeychain(),
        events: this.options.events,
        app: this.options.app,
        uapayBaseUrl: sandbox.uapay.url,
        background: DEMO_BACKGROUND,
      });
      await useSandbox(workspace.settings, workspace.secrets, sandbox);
      await workspace.settings.setDemoMode(true);
      await workspace.orders.refresh({ full: true });
      this.running = { sandbox, workspace };
      return workspace;
    } catch (error) {
      await sandbox.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    await running.workspace.close();
    await running.sandbox.stop();
    await rm(path.join(this.options.userDataDir, 'demo'), { recursive: true, force: true }).catch(
      (error: unknown) => log.warn('demo: could not clear the Demo folder', { error }),
    );
  }

  mailbox(): DemoLetter[] {
    return (this.running?.sandbox.mail.catcher.messages() ?? []).map((m) => ({
      id: m.id,
      receivedAt: m.receivedAt,
      from: m.from,
      to: m.to,
      subject: m.subject,
      text: m.text ?? '',
      links: [...new Set((m.text ?? '').match(/https?:\/\/\S+/g) ?? [])],
    }));
  }
}
