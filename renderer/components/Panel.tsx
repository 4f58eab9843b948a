import { useId, type FormEvent, type ReactNode, type Ref } from 'react';

export interface PanelProps {
  title?: string;
  description?: string;
  children: ReactNode;
  /** Buttons in the panel's footer. */
  actions?: ReactNode;
  /** Renders the panel as a form (Enter in a field submits it). */
  onSubmit?: () => void;
  busy?: boolean;
  ref?: Ref<HTMLFormElement>;
}

/** A titled card of related settings; with `onSubmit` it is a form whose footer holds the actions. */
export function Panel({ title, description, children, actions, onSubmit, busy, ref }: PanelProps) {
  const titleId = useId();
  const body = (
    <>
      {title && (
        <header className="panel-header">
          <h3 id={titleId}>{title}</h3>
          {description && <p>{description}</p>}
        </header>
      )}
      <div className="panel-body">{children}</div>
      {actions && <footer className="panel-footer">{actions}</footer>}
    </>
  );
  const labelledBy = title ? titleId : undefined;
  if (!onSubmit) {
    return (
      <section className="panel" aria-labelledby={labelledBy}>
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
      className="panel"
      onSubmit={submit}
      aria-labelledby={labelledBy}
      aria-busy={busy || undefined}
      noValidate
    >
      {body}
    </form>
  );
}
