import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { FakeBrowserWindow, FakeNotification, type ElectronMock } from '../support/electronMock';

vi.mock('electron', async () => (await import('../support/electronMock')).createElectronMock());

const electron = (await import('electron')) as unknown as ElectronMock;
const { showNotifications } = await import('../../electron/main/notifications');
const { EventBus } = await import('../../electron/core/events');

describe('desktop notifications in main', () => {
  it('shows what the core tells, sets the badge, and a click opens that payment in the window', () => {
    const events = new EventBus();
    const opened: number[] = [];
    events.subscribe((event, payload) => {
      if (event === 'notify.open') opened.push(payload.paymentId);
    });
    const window = new FakeBrowserWindow({});
    showNotifications({ events }, () => window as unknown as BrowserWindow);

    events.emit('notify.badge', { held: 3 });
    expect(electron.app.setBadgeCount).toHaveBeenLastCalledWith(3);

    events.emit('notify.show', {
      id: 'held:7',
      kind: 'held',
      paymentId: 7,
      orderId: 70,
      orderNumber: '70A',
      title: 'Кошти утримано: замовлення 70A',
      body: '100,00 ₴ чекають на підтвердження або скасування.',
    });
    const [shown] = FakeNotification.shown;
    expect(shown?.options).toEqual({
      title: 'Кошти утримано: замовлення 70A',
      body: '100,00 ₴ чекають на підтвердження або скасування.',
    });
    shown!.emit('click');
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(opened).toEqual([7]);
  });

  it('shows nothing where the system has no notifications', () => {
    FakeNotification.shown = [];
    FakeNotification.supported = false;
    const events = new EventBus();
    showNotifications({ events }, () => new FakeBrowserWindow({}) as unknown as BrowserWindow);
    events.emit('notify.show', {
      id: 'x',
      kind: 'held',
      paymentId: 1,
      orderId: 1,
      orderNumber: '1',
      title: 't',
      body: 'b',
    });
    expect(FakeNotification.shown).toEqual([]);
    FakeNotification.supported = true;
  });
});
