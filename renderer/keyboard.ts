import { useEffect, type KeyboardEvent } from 'react';

/** Up and Down move between the buttons of a vertical list, Home and End to its ends. */
export function moveFocusInList(event: KeyboardEvent<HTMLElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled])')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  event.preventDefault();
  const step = event.key === 'ArrowDown' ? 1 : -1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : (at + step + items.length) % items.length;
  items[next]?.focus();
}

/** The key goes into a field: it is the field's, not a shortcut. */
function typingInto(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * App-wide keys: `/` focuses the screen's search box (any element marked `data-shortcut="search"`),
 * unless a field has the focus. Esc is the dialogs' own (the platform's <dialog> cancel).
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target))
        return;
      const search = document.querySelector<HTMLElement>('[data-shortcut="search"]');
      if (!search) return;
      event.preventDefault();
      search.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Single-letter shortcuts (the order panel's actions) while no field, dialog or modifier takes the
 * key: `onLetter` gets the letter in upper case and says whether it was one of its own.
 */
export function useLetterShortcuts(onLetter: (letter: string) => boolean): void {
  // Subscribed anew at each render: `onLetter` sees what the component shows now.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typingInto(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (onLetter(event.key.toUpperCase())) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
