/**
 * The release job (.github/workflows/release.yml) cannot run here (it needs GitHub's runners and
 * the internet), so it is checked the way it can be: by a maintained validator of workflow files
 * (@action-validator/core, GitHub's schema), and against electron-builder.yml: every target the
 * configuration builds is built on a runner of its own system, with the signing secrets, and
 * everything the update feed needs is uploaded to the feed the build fixes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const workflowText = readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8');
const builderConfig = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    {
      'runs-on': string;
      needs?: string | string[];
      strategy?: { matrix: { include: Array<Record<string, string>> } };
      steps: Step[];
    }
  >;
}
const workflow = parse(workflowText) as Workflow;

/** electron-builder.yml's targets per system, as electron-builder names them. */
function targetsOf(platform: 'win' | 'mac' | 'linux'): string[] {
  const target = builderConfig[platform]?.target as Array<{ target: string }> | undefined;
  return (target ?? []).map((t) => t.target);
}

const RUNNERS = { win: 'windows-', mac: 'macos-', linux: 'ubuntu-' } as const;
const FLAGS = { win: '--win', mac: '--mac', linux: '--linux' } as const;

describe('the release workflow', () => {
  it("passes GitHub's workflow schema (action-validator)", () => {
    expect(validateWorkflow(workflowText).errors).toEqual([]);
  });

  it('is a real check: a misspelt key fails it', () => {
    const broken = workflowText.replace('runs-on: ${{ matrix.runner }}', 'run-on: ${{ matrix.runner }}');
    expect(broken).not.toBe(workflowText);
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('builds every target of electron-builder.yml, each on a runner of its own system', () => {
    const matrix = workflow.jobs.installers?.strategy?.matrix.include ?? [];
    for (const platform of ['win', 'mac', 'linux'] as const) {
      const entry = matrix.find((m) => m.platform === FLAGS[platform]);
      expect(entry, platform).toBeDefined();
      expect(entry?.runner?.startsWith(RUNNERS[platform]), `${platform} runs on ${entry?.runner}`).toBe(true);
      expect(targetsOf(platform).length, platform).toBeGreaterThan(0);
      expect((entry?.targets ?? '').split(' ').sort(), platform).toEqual(targetsOf(platform).sort());
    }
    const build = workflow.jobs.installers?.steps.find((s) => s.run?.includes('electron-builder'));
    expect(build?.run).toContain('${{ matrix.platform }}');
  });

  it('signs and notarizes from repository secrets, and refuses to ship unsigned where it signs', () => {
    const build = workflow.jobs.installers?.steps.find((s) => s.run?.includes('electron-builder'));
    expect(Object.keys(build?.env ?? {})).toEqual(
      expect.arrayContaining([
        'WIN_CSC_LINK',
        'WIN_CSC_KEY_PASSWORD',
        'CSC_LINK',
        'CSC_KEY_PASSWORD',
        'APPLE_API_KEY_ID',
        'APPLE_API_ISSUER',
      ]),
    );
    for (const value of Object.values(build?.env ?? {})) expect(value).toMatch(/\$\{\{.*secrets\./);
    expect(build?.run).toContain('forceCodeSigning=true');
    // build/notarize.mjs notarizes with APPLE_API_KEY (the .p8 written from a secret).
    expect(workflowText).toMatch(/APPLE_API_KEY=\$key" >> "\$GITHUB_ENV"/);
    expect(builderConfig.afterSign).toBe('./build/notarize.mjs');
  });

  it('fixes the feed into each app and uploads the installers and update files to it', () => {
    const build = workflow.jobs.installers?.steps.find((s) => s.run?.includes('electron-builder'));
    expect(build?.run).toContain('-c.publish.url=$UPDATE_FEED_URL');
    expect((builderConfig.publish as { provider: string }).provider).toBe('generic');
    const kept = String(
      workflow.jobs.installers?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path,
    );
    for (const file of ['*.exe', '*.dmg', '*.zip', '*.AppImage', '*.deb', '*.blockmap', 'latest*.yml'])
      expect(kept, file).toContain(`release/${file}`);
    const publish = workflow.jobs.publish;
    expect(publish?.needs).toBe('installers');
    const upload = publish?.steps.find((s) => s.run?.includes('rsync'))?.run ?? '';
    // The installers first, the latest*.yml that announce them last.
    expect(upload.indexOf("--exclude 'latest*.yml'")).toBeLessThan(upload.indexOf('release/latest*.yml'));
  });

  it("is where the README's Installers section sends people", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const installers = readme.slice(
      readme.indexOf('## Installers'),
      readme.indexOf('\n## ', readme.indexOf('## Installers') + 3),
    );
    expect(installers).toContain('.github/workflows/release.yml');
  });
});
