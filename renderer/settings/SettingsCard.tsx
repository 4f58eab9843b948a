import { useId, type FormEvent, type ReactNode, type Ref } from 'react';

export interface SettingsCardProps {
  title?: string;
  description?: string;
  children: ReactNode;
  /** Buttons in the card's footer. */
  actions?: ReactNode;
  /** Renders the card as a form (Enter in a field submits it). */
  onSubmit?: () => void;
  busy?: boolean;
  ref?: Ref<HTMLFormElement>;
}

/** A titled card of related settings; with `onSubmit` it is a form whose footer holds the actions. */
export function SettingsCard({
  title,
  description,
  children,
  actions,
  onSubmit,
  busy,
  ref,
}: SettingsCardProps) {
  const titleId = useId();
  const body = (
    <>
      {title && (
        <header className="settings-card-header">
          <h3 id={titleId}>{title}</h3>
          {description && <p>{description}</p>}
        </header>
      )}
      <div className="settings-card-body">{children}</div>
      {actions && <footer className="settings-card-footer">{actions}</footer>}
    </>
  );
  const labelledBy = title ? titleId : undefined;
  if (!onSubmit) {
    return (
      <section className="card" aria-labelledby={labelledBy}>
        {body}
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      ref={ref}
      className="card"
      onSubmit={submit}
      aria-labelledby={labelledBy}
      aria-busy={busy || undefined}
      noValidate
    >
      {body}
    </form>
  );
}
