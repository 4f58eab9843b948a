import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** An empty screen that says what will be here and, where there is one, what to do. */
export function EmptyState({
  icon,
  title,
  text,
  action,
}: {
  icon: IconName;
  title: string;
  text: string;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Icon name={icon} size={22} />
      </div>
      <h2>{title}</h2>
      <p>{text}</p>
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}
