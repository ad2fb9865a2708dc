import type { ActionSpec, Selectors, ToggleControl } from './types';

/** An assistant's thumbs under an answer: a judgement of the model's answer, one per answer. */
export const THUMB_ACTIONS: Readonly<Record<'up' | 'down', ActionSpec>> = {
  up: { kind: 'ai-feedback', detail: 'up', slot: 'exclusive' },
  down: { kind: 'ai-feedback', detail: 'down', slot: 'exclusive' },
};

/**
 * The toggle of a pair of thumbs: either control arms the watch of the answer (`scope`), and the
 * answer's state is whichever thumb `rated` reads as taken.
 */
export function thumbsToggle(t: {
  up: Selectors;
  down: Selectors;
  scope: Selectors;
  rated(answer: Element, thumb: 'up' | 'down'): boolean;
  target: ToggleControl['target'];
}): ToggleControl {
  return {
    actions: ['up', 'down'],
    control: [...t.up, ...t.down],
    scope: t.scope,
    state: (answer) => (t.rated(answer, 'up') ? 'up' : t.rated(answer, 'down') ? 'down' : null),
    target: t.target,
  };
}
