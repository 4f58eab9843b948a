import { useEffect } from 'react';
import type { Notice } from '../../electron/shared/app';
import uk from '../i18n/locales/uk.json';
import { useNotices } from './noticesStore';

type NoticeCode = Exclude<keyof typeof uk.notices, 'region'>;

function isNoticeCode(code: string): code is NoticeCode {
  return code !== 'region' && Object.hasOwn(uk.notices, code);
}

/**
 * The settings-file notices are left out: `settings.get` carries the same problem, and the frame
 * shows it as a banner (the event may fire before this page listens).
 */
const SHOWN_ELSEWHERE: readonly string[] = ['settingsCorrupt', 'settingsNewer'];

/** Core `app.notice` events as toasts, in words from the catalogues. */
export function useCoreNotices(): void {
  useEffect(
    () =>
      window.desk.on('app.notice', (notice: Notice) => {
        const { code, params } = notice;
        if (SHOWN_ELSEWHERE.includes(code) || !isNoticeCode(code)) return;
        useNotices.getState().push({ level: notice.level, text: (t) => t(`notices.${code}`, params ?? {}) });
      }),
    [],
  );
}
