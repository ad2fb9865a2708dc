import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber, t } from '@/lib/i18n';

/** Lines drawn at a time: ten thousand list items at once would block the page. */
const STEP = 200;

/** A list that shows its first lines and a button for the next ones. */
export function CappedList<T>(props: { items: readonly T[]; testId: string; line: (item: T, i: number) => ComponentChildren }) {
  const [shown, setShown] = useState(STEP);
  const left = props.items.length - shown;
  return (
    <>
      <ul data-testid={props.testId}>{props.items.slice(0, shown).map(props.line)}</ul>
      {left > 0 && (
        <button type="button" class="more" data-testid={`${props.testId}-more`} onClick={() => setShown(shown + STEP)}>
          {t('classShowMore', formatNumber(Math.min(STEP, left)), formatNumber(left))}
        </button>
      )}
    </>
  );
}
