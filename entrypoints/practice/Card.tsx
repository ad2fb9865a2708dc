import type { ComponentChildren } from 'preact';

/** One practice widget's frame: its name, its title, and the state the detector reads. */
export function Card({
  name,
  title,
  state,
  children,
}: {
  name: string;
  title: string;
  state: string;
  children: ComponentChildren;
}) {
  return (
    <section class="card" data-practice={name} data-state={state} aria-labelledby={`p-${name}`}>
      <h2 id={`p-${name}`}>{title}</h2>
      {children}
    </section>
  );
}
