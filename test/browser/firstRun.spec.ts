import { expect, test } from './fixtures';
import { ui } from './ui';

const t = ui('uk');

test.describe('first run', () => {
  test('offers both ways to start, and "Connect my shop" leads to Settings → RetailCRM', async ({
    page,
    open,
  }) => {
    await open();
    await expect(page.getByRole('heading', { level: 1, name: t.screens.welcome.title })).toBeVisible();
    const choices = page.getByRole('list', { name: t.firstRun.choices });
    await expect(choices.getByRole('button', { name: t.firstRun.demoAction })).toBeVisible();
    await choices.getByRole('button', { name: t.firstRun.connectAction }).click();

    await expect(page.getByRole('heading', { level: 1, name: t.screens.settings.title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: t.settings.sections.retailcrm })).toBeVisible();
    const sections = page.getByRole('navigation', { name: t.settings.sectionsLabel });
    await expect(sections.getByRole('button', { name: t.settings.sections.retailcrm })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // RetailCRM is the first section of the list.
    await expect(sections.getByRole('button').first()).toHaveText(t.settings.sections.retailcrm);
  });

  test('"Try Demo mode" starts Demo mode on the in-app sandbox', async ({ page, open, desk }) => {
    await open();
    await page.getByRole('button', { name: t.firstRun.demoAction }).click();
    await expect(page.getByRole('note')).toContainText(t.demo.banner);
    const view = await desk.handlers['settings.get']({});
    expect(view.settings).toMatchObject({ demoMode: true });
    expect(view.settings.merchants).toHaveLength(2);
  });

  test('the keyboard reaches every screen from the navigation', async ({ page, open }) => {
    await open();
    const nav = page.getByRole('navigation', { name: t.nav.label });
    await nav.getByRole('button', { name: t.nav.orders }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(nav.getByRole('button', { name: t.nav.activity })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: t.screens.activity.title })).toBeVisible();
    await page.keyboard.press('End');
    await expect(nav.getByRole('button', { name: t.nav.settings })).toBeFocused();
  });
});

test.describe('Demo mode', () => {
  test.use({ initialSettings: { demoMode: true } });

  test('says on every screen that nothing real is charged', async ({ page, open }) => {
    await open();
    const banner = page.getByRole('note');
    await expect(banner).toContainText(t.demo.banner);
    // Demo mode counts as set up: no first-run choices, the orders screen instead.
    await expect(page.getByRole('heading', { level: 1, name: t.screens.orders.title })).toBeVisible();
    await page
      .getByRole('navigation', { name: t.nav.label })
      .getByRole('button', { name: t.nav.settings })
      .click();
    await expect(banner).toContainText(t.demo.banner);
  });
});
