import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export type CalloutTone = 'info' | 'success' | 'warning';

const ICONS: Record<CalloutTone, IconName> = { info: 'info', success: 'check', warning: 'alert' };

/** A boxed note inside a page: information, a success, or a warning that needs a look. */
export function Callout({
  tone = 'info',
  title,
  children,
}: {
  tone?: CalloutTone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`callout callout-${tone}`} role={tone === 'warning' ? 'alert' : undefined}>
      <Icon name={ICONS[tone]} className="callout-icon" />
      <div className="callout-body">
        {title && <p className="callout-title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
