import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Read by screen readers with the title when the dialog opens. */
  description?: ReactNode;
  onClose(): void;
  children?: ReactNode;
  /** The action buttons, right-aligned under the body. */
  footer?: ReactNode;
  /** Wider for forms, widest for a table; the default suits a question. */
  size?: 'sm' | 'md' | 'lg';
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal on the platform's <dialog>: the page behind is inert, Esc closes (through `onClose`,
 * so the owner decides), Tab and Shift+Tab go round inside, focus starts on the first field (or on
 * `[data-autofocus]`) and returns to what opened it. The body is only mounted while open, so what
 * was typed (a password) does not outlive the dialog.
 */
export function Dialog({ open, title, description, onClose, children, footer, size = 'sm' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector('.dialog-body')?.querySelector<HTMLElement>(FOCUSABLE) ??
      dialog.querySelector('.dialog-footer')?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [open]);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Esc: the owner closes it, so its state and the element never disagree.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={trapTab}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
              <Icon name="close" />
            </button>
          </header>
          <div className="dialog-body">
            {description && (
              <div className="dialog-description" id={descriptionId}>
                {description}
              </div>
            )}
            {children}
          </div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
