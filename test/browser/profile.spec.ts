import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { fill, openSettings, ui } from './ui';

const t = ui('uk');

test.describe('Settings → Team profile', () => {
  test('exports a file and imports it back', async ({ page, open, desk }) => {
    await desk.handlers['settings.update']({
      holdLifetimeHours: 120,
      smtp: { host: 'smtp.example.com', fromAddress: 'shop@example.com' },
    });
    await open();
    await openSettings(page, 'uk', 'profile');
    await page.getByRole('button', { name: t.settings.profile.export }).click();
    const fileName = page.getByTestId('profile-file-name');
    await expect(fileName).toHaveText(/^uapay-desk-team-profile-\d{4}-\d{2}-\d{2}\.uapaydesk$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t.settings.profile.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(await fileName.textContent());
    const text = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      kind: 'uapay-desk.team-profile',
      settings: { holdLifetimeHours: 120, smtp: { host: 'smtp.example.com' } },
    });

    // Change what the profile holds, then bring the file back.
    await desk.handlers['settings.update']({ holdLifetimeHours: 24, smtp: null });
    await page.getByLabel(t.settings.profile.fileInput).setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const confirm = page.getByRole('dialog', { name: t.settings.profile.confirmTitle });
    await expect(confirm).toContainText(download.suggestedFilename());
    await confirm.getByRole('button', { name: t.settings.profile.import }).click();

    const summary = page.getByTestId('profile-imported');
    await expect(
      page.getByText(fill(t.settings.profile.imported, { file: download.suggestedFilename() })),
    ).toBeVisible();
    await expect(summary).toContainText(fill(t.settings.profile.summary.hours, { hours: 120 }));
    await expect(summary).toContainText('shop@example.com');
    const { settings } = await desk.handlers['settings.get']({});
    expect(settings.holdLifetimeHours).toBe(120);
    expect(settings.smtp?.host).toBe('smtp.example.com');
  });

  test('a wrong file is refused with each problem at its path, and nothing changes', async ({
    page,
    open,
    desk,
  }) => {
    await open();
    await openSettings(page, 'uk', 'profile');
    const exported = JSON.parse((await desk.handlers['profile.export']({})).text) as {
      settings: Record<string, unknown>;
    };
    exported.settings.holdLifetimeHours = 0;
    exported.settings.smtp = {
      host: 'smtp.example.com',
      port: 0,
      secure: false,
      user: '',
      fromAddress: 'x',
      fromName: '',
    };
    await page.getByLabel(t.settings.profile.fileInput).setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await page
      .getByRole('dialog', { name: t.settings.profile.confirmTitle })
      .getByRole('button', { name: t.settings.profile.import })
      .click();

    await expect(page.getByText(t.settings.profile.failedTitle)).toBeVisible();
    const issues = page.getByTestId('profile-issues').getByRole('listitem');
    await expect(issues.filter({ hasText: 'settings.holdLifetimeHours' })).toBeVisible();
    await expect(issues.filter({ hasText: 'settings.smtp.port' })).toBeVisible();
    await expect(issues.filter({ hasText: 'settings.smtp.fromAddress' })).toBeVisible();
    expect((await desk.handlers['settings.get']({})).settings.smtp).toBeNull();

    await page.getByLabel(t.settings.profile.fileInput).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await page
      .getByRole('dialog', { name: t.settings.profile.confirmTitle })
      .getByRole('button', { name: t.settings.profile.import })
      .click();
    await expect(page.getByTestId('profile-issues')).toContainText(t.settings.profile.codes.invalid_json);
  });
});
