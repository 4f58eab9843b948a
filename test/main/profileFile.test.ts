import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../electron/shared/settings';
import type { ElectronMock } from '../support/electronMock';

vi.mock('electron', async () => ({
  ...(await import('../support/electronMock')).createElectronMock(),
  dialog: { showMessageBox: vi.fn() },
}));

const electron = (await import('electron')) as unknown as ElectronMock & {
  dialog: { showMessageBox: ReturnType<typeof vi.fn> };
};
const { ProfileFiles, profileFileIn } = await import('../../electron/main/profileFile');
const { createDesk } = await import('../../electron/core/desk');
const { dispatch } = await import('../../electron/core/ipc');
const { testKeychain } = await import('../support/keychain');
const { RETAILCRM_API_KEY } = await import('../../electron/core/secrets/accounts');

const MERCHANT_ID = '7b0f3c1e-4a55-4c1a-9a8e-2f6f0e1d2c3b';

function profile(crmUrl = 'https://myshop.retailcrm.ru'): string {
  return JSON.stringify({
    kind: 'uapay-desk.team-profile',
    format: 1,
    exportedAt: '2026-05-06T09:00:00.000Z',
    settings: {
      retailCrm: { url: crmUrl, siteCodes: ['main'] },
      merchants: [
        {
          id: MERCHANT_ID,
          name: 'Kyiv store',
          clientId: 'client-1',
          environment: 'production',
          confirmManually: true,
        },
      ],
      statusMapping: { paid: 'paid' },
      smtp: null,
      relay: null,
      holdLifetimeHours: 168,
      payLinkLifetimeHours: 72,
      updateFeedUrl: 'https://updates.myshop.ua/desk',
    },
  });
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});
beforeEach(() => {
  electron.app.removeAllListeners();
  electron.dialog.showMessageBox.mockReset();
  electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
});

async function setup() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-profile-file-'));
  dirs.push(dir);
  const desk = createDesk({
    appName: 'UAPAY Desk',
    appVersion: '0.1.0',
    userDataDir: path.join(dir, 'userData'),
    shell: 'electron',
    secrets: testKeychain(),
  });
  const window = { isVisible: () => true, webContents: { reload: vi.fn() } };
  const file = async (name: string, text: string) => {
    const at = path.join(dir, name);
    await fs.writeFile(at, text);
    return at;
  };
  const settings = async () => {
    const reply = await dispatch(desk.handlers, 'settings.get', {});
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return (reply.value as SettingsView).settings;
  };
  const attach = (files: InstanceType<typeof ProfileFiles>) =>
    files.attach({ desk, window: () => window as never });
  const dialogs = () =>
    electron.dialog.showMessageBox.mock.calls.map(([, options]) => options as Record<string, unknown>);
  return { desk, window, file, settings, attach, dialogs };
}

describe('finding the profile on a command line', () => {
  it('takes the .uapaydesk file, whatever the case, and ignores switches and the app path', () => {
    expect(profileFileIn(['C:\\Program Files\\UAPAY Desk\\UAPAY Desk.exe', 'D:\\Shop\\Team.UAPAYDESK'])).toBe(
      'D:\\Shop\\Team.UAPAYDESK',
    );
    expect(profileFileIn(['/opt/uapay-desk/uapay-desk', '--no-sandbox', '/home/a/team.uapaydesk'])).toBe(
      '/home/a/team.uapaydesk',
    );
    // A Linux file manager may pass a file:// URL (the .desktop entry says %U).
    expect(profileFileIn(['/opt/uapay-desk/uapay-desk', 'file:///home/a/My%20shop.uapaydesk'])).toBe(
      '/home/a/My shop.uapaydesk',
    );
    expect(profileFileIn(['electron', '.', '--flag=x.uapaydesk'])).toBeUndefined();
    expect(profileFileIn(['/opt/uapay-desk/uapay-desk', '/home/a/profile.json'])).toBeUndefined();
  });
});

describe('opening a team profile file', () => {
  it('at first start shows every change side by side, and imports the profile only when told yes', async () => {
    const { desk, window, file, settings, attach, dialogs } = await setup();
    const team = await file('Shop team.uapaydesk', `\uFEFF${profile()}`);
    const files = ProfileFiles.watch(['/opt/uapay-desk/uapay-desk', team]);
    await attach(files);
    expect(await settings()).toMatchObject({
      retailCrm: { url: 'https://myshop.retailcrm.ru', siteCodes: ['main'] },
      merchants: [{ id: MERCHANT_ID, name: 'Kyiv store' }],
      updateFeedUrl: 'https://updates.myshop.ua/desk',
      demoMode: false,
    });
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    // Asked first even on a fresh install, in the person's language (Ukrainian by default), with
    // each change as "now → after"; Cancel is the default button. Then the outcome.
    expect(dialogs()).toEqual([
      expect.objectContaining({
        type: 'question',
        message: 'Імпортувати командний профіль «Shop team.uapaydesk»? Ось що зміниться:',
        defaultId: 1,
        cancelId: 1,
      }),
      expect.objectContaining({
        type: 'info',
        message: 'Командний профіль «Shop team.uapaydesk» імпортовано.',
      }),
    ]);
    const detail = String(dialogs()[0]?.detail).split('\n');
    expect(detail).toEqual(
      expect.arrayContaining([
        '• Адреса RetailCRM: не задано → https://myshop.retailcrm.ru',
        '• Магазини: усі магазини → main',
        '• Мерчанти: не задано → Kyiv store — client-1, production, HOLD',
        '• Джерело оновлень: не задано → https://updates.myshop.ua/desk',
      ]),
    );
    expect(detail.some((line) => line.includes('Строк холду'))).toBe(false); // unchanged: not listed
    await desk.close();
  });

  it('names a key the profile would send elsewhere, and keeps it when told no', async () => {
    const { desk, file, attach, dialogs } = await setup();
    const files = ProfileFiles.watch([]);
    await attach(files);
    await files.open(await file('first.uapaydesk', profile('https://first.retailcrm.ru')));
    await dispatch(desk.handlers, 'settings.update', { language: 'en' });
    const workspace = desk.workspace();
    await workspace.secrets.save(RETAILCRM_API_KEY, 'crm-key-of-first');
    electron.dialog.showMessageBox.mockReset();
    electron.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    expect(await files.open(await file('second.uapaydesk', profile('https://second.retailcrm.ru')))).toBe(
      'cancelled',
    );
    expect(String(dialogs()[0]?.detail)).toContain(
      'Deleted (the profile sends it to another address; enter it again):\n• RetailCRM API key',
    );
    expect(await workspace.secrets.read(RETAILCRM_API_KEY)).toBe('crm-key-of-first');
    await desk.close();
  });

  it('asks before replacing a shop already set up, and changes nothing when told no', async () => {
    const { desk, window, file, settings, attach, dialogs } = await setup();
    const files = ProfileFiles.watch([]);
    await attach(files);
    await files.open(await file('first.uapaydesk', profile('https://first.retailcrm.ru')));
    electron.dialog.showMessageBox.mockReset();
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });

    // macOS hands a double-clicked file to the running app as 'open-file'.
    const preventDefault = vi.fn();
    electron.app.emit(
      'open-file',
      { preventDefault },
      await file('second.uapaydesk', profile('https://second.retailcrm.ru')),
    );
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1));
    expect(dialogs()[0]).toMatchObject({
      type: 'question',
      buttons: ['Імпортувати', 'Скасувати'],
      cancelId: 1,
    });
    await files.attach({ desk, window: () => window as never }); // resolves once the queue is done
    expect((await settings()).retailCrm?.url).toBe('https://first.retailcrm.ru');

    // A second start with the file (Windows, Linux) hands its command line over; this time: Import.
    electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    electron.app.emit('second-instance', {}, [
      'uapay-desk',
      await file('third.uapaydesk', profile('https://third.retailcrm.ru')),
    ]);
    await vi.waitFor(async () =>
      expect((await settings()).retailCrm?.url).toBe('https://third.retailcrm.ru'),
    );
    await desk.close();
  });

  it('says what is wrong with a file that is not a profile, and changes nothing', async () => {
    const { desk, window, file, settings, attach, dialogs } = await setup();
    const files = ProfileFiles.watch([]);
    await attach(files);
    expect(await files.open(await file('broken.uapaydesk', '{"kind":"something else"}'))).toBe('failed');
    expect(await files.open(path.join(os.tmpdir(), 'no-such-dir', 'gone.uapaydesk'))).toBe('failed');
    expect(dialogs()).toEqual([
      expect.objectContaining({
        type: 'error',
        message: 'Не вдалося імпортувати «broken.uapaydesk».',
        detail: 'This file is not a UAPAY Desk team profile.',
      }),
      expect.objectContaining({ type: 'error', detail: 'The file could not be read (ENOENT).' }),
    ]);
    expect((await settings()).retailCrm).toBeNull();
    expect(window.webContents.reload).not.toHaveBeenCalled();
    await desk.close();
  });
});
