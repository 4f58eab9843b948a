import { useId, type ReactNode } from 'react';

/** A settings section: its title (h2), what it is for, then its cards. */
export function SectionFrame({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <header className="section-header">
        <h2 id={id}>{title}</h2>
        <p>{description}</p>
      </header>
      {children}
    </section>
  );
}
