import { isPressed, queryFirst } from './dom';
import { defineDetector } from './types';

const UP = [
  '.js-vote-up-btn', // Stacks button with aria-pressed (2020 onwards)
  '.vote-up-off, .vote-up-on', // the arrow links before 2020, state in the class
] as const;
const DOWN = [
  '.js-vote-down-btn', // Stacks button with aria-pressed (2020 onwards)
  '.vote-down-off, .vote-down-on', // before 2020
] as const;

/** The vote a post's voting container shows: aria-pressed now, the `-on` classes before 2020. */
function voteState(scope: Element): 'up' | 'down' | null {
  if (isPressed(queryFirst(scope, UP)) || scope.querySelector('.vote-up-on')) return 'up';
  if (isPressed(queryFirst(scope, DOWN)) || scope.querySelector('.vote-down-on')) return 'down';
  return null;
}

// Vote type codes of /posts/{id}/vote/{type}; 0 withdraws the vote.
const VOTE_TYPES: Record<string, { action: 'up' | 'down'; op: 'add' | 'undo' }> = {
  '2': { action: 'up', op: 'add' },
  '3': { action: 'down', op: 'add' },
  '0': { action: 'up', op: 'undo' },
};

export default defineDetector({
  id: 'stackoverflow',
  label: 'Stack Overflow',
  // stackoverflow.com only: the other Stack Exchange sites would need dozens of host permissions.
  matches: ['*://stackoverflow.com/*'],
  testUrls: ['https://stackoverflow.com/questions/1732348'],
  actions: {
    up: { kind: 'vote', detail: 'up', slot: 'exclusive' },
    down: { kind: 'vote', detail: 'down', slot: 'exclusive' },
    flag: { kind: 'report', detail: 'flag', slot: 'none' },
  },
  toggles: [
    {
      actions: ['up', 'down'],
      control: [...UP, ...DOWN],
      scope: [
        '.js-voting-container[data-post-id]', // question and answer vote column (2019 onwards)
        '.votecell .vote', // the pre-2019 column, its post id in a hidden input
      ],
      state: voteState,
      target: (scope) =>
        scope.getAttribute('data-post-id') ??
        (scope.querySelector('input[name="_id_"]') as HTMLInputElement | null)?.value ??
        undefined,
    },
  ],
  health: {
    // A question page always shows the question's vote buttons, signed in or not.
    pages: /^\/questions\/\d+/,
    controls: ['.js-vote-up-btn', '.vote-up-off'],
  },
  network: [
    {
      // Votes and flags post forms (with the fkey) to the same paths since about 2010.
      urls: ['https://stackoverflow.com/posts/*/vote/*', 'https://stackoverflow.com/flags/posts/*/add/*'],
      match({ url }) {
        const vote = /^\/posts\/(\d+)\/vote\/(\d+)$/.exec(url.pathname);
        if (vote) {
          const hit = vote[2] ? VOTE_TYPES[vote[2]] : undefined;
          return hit ? { ...hit, target: vote[1] } : null;
        }
        const flag = /^\/flags\/posts\/(\d+)\/add\/\w+$/.exec(url.pathname);
        return flag ? { action: 'flag', op: 'add', target: flag[1] } : null;
      },
    },
  ],
});
