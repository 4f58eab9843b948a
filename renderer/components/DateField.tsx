import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { dayPattern, formatDay, parseDay } from '../i18n/dates';
import { Icon } from './Icon';

// The month grid is its own chunk, fetched the first time a calendar opens.
const CalendarPopover = lazy(() => import('./CalendarPopover').then((m) => ({ default: m.CalendarPopover })));

/**
 * A day, written and read the UI language's way ("28.11.2026"), never the operating system's
 * (`<input type="date">` shows mm/dd/yyyy in a Ukrainian UI on an English system). Typed, or picked
 * on a calendar in the same language, weeks from Monday. The value is `YYYY-MM-DD` or ''.
 */
export function DateField({
  label,
  value,
  onChange,
  min,
  max,
  className,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  min?: string;
  max?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [text, setText] = useState(() => formatDay(value, language));
  const [open, setOpen] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // A value set from outside (a reset, a pick, another language) is shown in the field at once.
  const shown = `${value}|${language}`;
  const [synced, setSynced] = useState(shown);
  if (synced !== shown) {
    setSynced(shown);
    setText(formatDay(value, language));
    setInvalid(false);
  }

  // `min` and `max` bound the calendar; a typed day is taken as it is (an empty range says so).
  const type = (next: string) => {
    setText(next);
    const day = parseDay(next, language);
    setInvalid(day === undefined);
    if (day !== undefined) onChange(day);
  };

  return (
    <div className={className ? `date-field ${className}` : 'date-field'} ref={root}>
      <input
        type="text"
        className="input date-field-input"
        inputMode="numeric"
        aria-label={label}
        aria-invalid={invalid || undefined}
        placeholder={dayPattern(language, {
          day: t('dates.dd'),
          month: t('dates.mm'),
          year: t('dates.yyyy'),
        })}
        value={text}
        onChange={(event) => type(event.target.value)}
        onBlur={() => invalid || setText(formatDay(value, language))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && event.altKey) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      />
      <button
        type="button"
        className="icon-button date-field-button"
        aria-label={t('dates.pick', { label })}
        title={t('dates.pick', { label })}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Icon name="calendar" />
      </button>
      {open && (
        <Suspense fallback={null}>
          <CalendarPopover
            label={label}
            value={value}
            min={min}
            max={max}
            language={language}
            root={root}
            onPick={(day) => {
              onChange(day);
              setOpen(false);
              root.current?.querySelector('input')?.focus();
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </div>
  );
}
