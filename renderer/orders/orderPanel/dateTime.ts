/** Dates and times for people, in the UI's language and the computer's time zone. */
import { useSyncExternalStore } from 'react';
import { currentLanguage, INTL_LOCALES } from '../../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(style: 'dateTime' | 'time'): Intl.DateTimeFormat {
  const locale = INTL_LOCALES[currentLanguage()];
  const key = `${locale}:${style}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      locale,
      style === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short' } : { timeStyle: 'medium' },
    );
    formats.set(key, found);
  }
  return found;
}

/** ISO → "12 бер. 2026 р., 14:05" (uk) / "12 Mar 2026, 14:05" (en); the text itself if unreadable. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : format('dateTime').format(at);
}

/** ISO → "14:05:09", for a timeline within one day. */
export function formatTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : format('time').format(at);
}

const MINUTE = 60_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    // Countdowns show minutes: a tick every 15 s keeps them right without busy re-renders.
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, MINUTE / 4);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time now (ms), refreshed every 15 s for every component that shows a countdown. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** What is left until `until`, in whole units: days+hours, hours+minutes or minutes; negative: passed. */
export function timeLeft(
  untilMs: number,
  nowMs: number,
): { days: number; hours: number; minutes: number; passed: boolean } {
  const ms = untilMs - nowMs;
  const total = Math.max(0, Math.floor(ms / MINUTE));
  return {
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
    passed: ms <= 0,
  };
}
