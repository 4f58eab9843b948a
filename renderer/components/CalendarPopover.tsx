import { enGB, ru, uk } from 'react-day-picker/locale';
import { DayPicker } from 'react-day-picker';
import { useEffect, useRef, type RefObject } from 'react';
import type { Language } from '../i18n';
import { dayDate, isoDay } from '../i18n/dates';
import 'react-day-picker/style.css';

const LOCALES = { uk, ru, en: enGB } as const;

/**
 * The month grid under a DateField (react-day-picker, in the UI's language, weeks from Monday):
 * arrow keys move, Enter picks, Esc or a click outside closes.
 */
export function CalendarPopover({
  label,
  value,
  min,
  max,
  language,
  root,
  onPick,
  onClose,
}: {
  label: string;
  value: string;
  min?: string;
  max?: string;
  language: Language;
  root: RefObject<HTMLDivElement | null>;
  onPick(day: string): void;
  onClose(): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const selected = dayDate(value);
  const from = dayDate(min);
  const to = dayDate(max);

  useEffect(() => {
    box.current
      ?.querySelector<HTMLElement>('[aria-selected="true"] button, .rdp-today button, .rdp-day button')
      ?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [root, onClose]);

  return (
    <div
      className="calendar-popover"
      ref={box}
      role="dialog"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <DayPicker
        mode="single"
        locale={LOCALES[language]}
        weekStartsOn={1}
        selected={selected}
        defaultMonth={selected ?? to ?? new Date()}
        disabled={[...(from ? [{ before: from }] : []), ...(to ? [{ after: to }] : [])]}
        onSelect={(date) => date && onPick(isoDay(date))}
      />
    </div>
  );
}
