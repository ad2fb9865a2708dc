import type { ComponentChildren } from 'preact';

/** A button that shows its state the way platforms do, with aria-pressed. */
export function Toggle({
  on,
  onClick,
  children,
  testId,
}: {
  on: boolean;
  onClick: () => void;
  children: ComponentChildren;
  testId: string;
}) {
  return (
    <button type="button" aria-pressed={on} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}
