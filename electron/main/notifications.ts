/**
 * Desktop notifications and the dock / taskbar badge: the core decides and words them
 * (electron/core/notifications); this shows them with the system's own notifications. Clicking one
 * brings the window forward and tells the renderer to open that payment (`notify.open`).
 */
import { app, Notification, type BrowserWindow } from 'electron';
import type { Desk } from '../core/desk';

/** electron-builder.yml's appId: Windows shows an app's notifications only under its own id. */
const APP_USER_MODEL_ID = 'ua.uapaydesk.app';

export function showNotifications(desk: Pick<Desk, 'events'>, window: () => BrowserWindow): () => void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Kept until closed or clicked: a notification garbage-collected before its click loses it.
  const open = new Map<string, Notification>();
  return desk.events.subscribe((event, payload) => {
    if (event === 'notify.badge') {
      // macOS and Linux (Unity launchers); elsewhere the call says it did nothing, which is fine.
      app.setBadgeCount(payload.held);
      return;
    }
    if (event !== 'notify.show' || !Notification.isSupported()) return;
    const notification = new Notification({ title: payload.title, body: payload.body });
    notification.on('click', () => {
      open.delete(payload.id);
      const target = window();
      if (target.isMinimized()) target.restore();
      target.show();
      target.focus();
      desk.events.emit('notify.open', { paymentId: payload.paymentId });
    });
    notification.on('close', () => open.delete(payload.id));
    open.set(payload.id, notification);
    notification.show();
  });
}
