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
    // Side by side before anything changes: what this computer has, what the profile brings.
    const hold = confirm.getByTestId('profile-preview').locator('tr[data-field="holdLifetimeHours"]');
    await expect(hold.getByRole('rowheader')).toHaveText(t.settings.profile.preview.fields.holdLifetimeHours);
    await expect(hold.getByRole('cell')).toHaveText([
      fill(t.settings.profile.summary.hours, { hours: 24 }),
      fill(t.settings.profile.summary.hours, { hours: 120 }),
    ]);
    const sender = confirm.locator('tr[data-field="smtp"]').getByRole('cell');
    await expect(sender.first()).toHaveText(t.settings.profile.preview.notSet);
    await expect(sender.last()).toContainText('shop@example.com');
    expect((await desk.handlers['settings.get']({})).settings.holdLifetimeHours).toBe(24);
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
    await expect(page.getByTestId('profile-issues')).toContainText(t.settings.profile.codes.invalid_json);
  });

  test('names the keys an import deletes, and Cancel changes nothing', async ({ page, open, desk }) => {
    await desk.handlers['settings.update']({
      smtp: { host: 'smtp.shop.example', user: 'shop', fromAddress: 'shop@example.com' },
    });
    await desk.handlers['settings.smtpPassword.set']({ password: 'smtp-password-9' });
    const profile = JSON.parse((await desk.handlers['profile.export']({})).text) as {
      settings: { smtp: Record<string, unknown> };
    };
    profile.settings.smtp.host = 'smtp.elsewhere.example';
    await open();
    await openSettings(page, 'uk', 'profile');
    await page.getByLabel(t.settings.profile.fileInput).setInputFiles({
      name: 'moved.uapaydesk',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(profile)),
    });
    const confirm = page.getByRole('dialog', { name: t.settings.profile.confirmTitle });
    await expect(confirm.getByText(t.settings.profile.preview.droppedTitle)).toBeVisible();
    await expect(confirm.getByTestId('profile-dropped-secrets')).toHaveText(
      t.settings.profile.preview.secrets.smtpPassword,
    );
    await page.screenshot({ path: 'test-results/profile-preview.png' });
    await confirm.getByRole('button', { name: t.common.cancel }).click();
    await expect(confirm).toBeHidden();
    const view = await desk.handlers['settings.get']({});
    expect(view.settings.smtp?.host).toBe('smtp.shop.example');
    expect(view.secrets.smtpPassword).toBe(true);
  });
});
