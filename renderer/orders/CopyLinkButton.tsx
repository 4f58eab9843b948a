import type { MouseEvent } from 'react';
import { Icon } from '../components/Icon';
import { notify } from '../store/noticesStore';

/** Copies the payment link to the clipboard, without opening the row. */
export function CopyLinkButton({ link, label }: { link?: string; label: string }) {
  if (!link) return <span className="orders-none">—</span>;
  const copy = async (event: MouseEvent) => {
    event.stopPropagation();
    try {
      await navigator.clipboard.writeText(link);
      notify('success', (t) => t('orders.link.copied'));
    } catch {
      notify('warning', (t) => t('orders.link.copyFailed', { link }));
    }
  };
  return (
    <button
      type="button"
      className="icon-button"
      tabIndex={-1}
      title={link}
      aria-label={label}
      onClick={(event) => void copy(event)}
    >
      <Icon name="copy" />
    </button>
  );
}
