import { useTranslation } from 'react-i18next';
import type { LifecycleState } from '../../../electron/shared/lifecycle';
import { Button, type ButtonVariant } from '../../components/Button';
import type { IconName } from '../../components/Icon';
import { SHORTCUTS, type PanelAction } from './actions';

interface ActionButton {
  action: PanelAction;
  label: string;
  variant: ButtonVariant;
  icon?: IconName;
}

/**
 * The actions the payment's state allows, and only those; each shows its shortcut key in its
 * tooltip and to screen readers (aria-keyshortcuts).
 */
export function ActionBar({
  state,
  actions,
  busy,
  locked,
  onAction,
}: {
  state: LifecycleState;
  actions: readonly PanelAction[];
  busy?: PanelAction;
  /** An operation on the payment is still open: the note below it says which and why. */
  locked?: boolean;
  onAction(action: PanelAction): void;
}) {
  const { t } = useTranslation();
  const buttons: ActionButton[] = actions.map((action) => {
    switch (action) {
      case 'createLink':
        return {
          action,
          label: state === 'link_sent' ? t('actions.showLink') : t('actions.createLink'),
          variant: state === 'link_sent' ? 'secondary' : 'primary',
        };
      case 'sendLink':
        return { action, label: t('actions.sendLink'), variant: 'secondary', icon: 'mail' };
      case 'confirm':
        return { action, label: t('actions.confirm'), variant: 'primary', icon: 'check' };
      case 'cancel':
        return { action, label: t('actions.cancel'), variant: 'secondary' };
      case 'refund':
        return { action, label: t('actions.refund'), variant: 'secondary' };
      case 'add':
        return { action, label: t('actions.add'), variant: 'primary' };
    }
  });
  if (buttons.length === 0)
    return <p className="muted action-none">{t(locked ? 'actions.locked' : 'actions.none')}</p>;
  return (
    <div className="action-bar" role="toolbar" aria-label={t('actions.label')}>
      {buttons.map((button) => (
        <Button
          key={button.action}
          variant={button.variant}
          icon={button.icon}
          busy={busy === button.action}
          aria-keyshortcuts={SHORTCUTS[button.action]}
          title={t('actions.shortcut', { key: SHORTCUTS[button.action] })}
          onClick={() => onAction(button.action)}
        >
          {button.label}
          <kbd className="kbd" aria-hidden="true">
            {SHORTCUTS[button.action]}
          </kbd>
        </Button>
      ))}
    </div>
  );
}
