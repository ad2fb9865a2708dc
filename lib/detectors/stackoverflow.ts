import { isPressed, queryFirst } from './dom';
import { definePage, type NetMatch, withNetwork } from './types';

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

/**
 * Close and reopen votes post the form (fkey, closeReasonId, …) to /flags/questions/<id>/close/add
 * (a moderation userscript, code-search idx 38771749123) and /reopen/add (idx 38743408012,
 * 42308506504); a close vote is withdrawn with /close/retract (idx 31285928090).
 */
function closeVote(path: string): NetMatch | null {
  const m = /^\/flags\/questions\/(\d+)\/(close|reopen)\/(add|retract)$/.exec(path);
  if (!m?.[1]) return null;
  if (m[2] === 'reopen') return m[3] === 'add' ? { action: 'reopen', op: 'add', target: m[1] } : null;
  return { action: 'close', op: m[3] === 'add' ? 'add' : 'undo', target: m[1] };
}

export const page = definePage({
  id: 'stackoverflow',
  label: 'Stack Overflow',
  // stackoverflow.com only: the other Stack Exchange sites would need dozens of host permissions.
  matches: ['https://stackoverflow.com/*'],
  testUrls: ['https://stackoverflow.com/questions/1732348'],
  actions: {
    up: { kind: 'vote', detail: 'up', slot: 'exclusive' },
    down: { kind: 'vote', detail: 'down', slot: 'exclusive' },
    flag: { kind: 'report', detail: 'flag', slot: 'none' },
    // Volunteer moderation: a review-queue task done, a vote to close (retractable) or to reopen.
    review: { kind: 'moderation', detail: 'review-task', slot: 'none' },
    close: { kind: 'moderation', detail: 'close-vote', slot: 'per-detail' },
    // A reopen vote is its own occurrence: on a question the same person once voted to close, a
    // per-detail slot would fold it into that close vote.
    reopen: { kind: 'moderation', detail: 'close-vote', slot: 'none' },
  }, // Request only, with no saved page of the platform's own request: marked unconfirmed where users see it.
  unconfirmed: ['review', 'close', 'reopen'],

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
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // Votes and flags post forms (with the fkey) to the same paths since about 2010.
    urls: [
      'https://stackoverflow.com/posts/*/vote/*',
      'https://stackoverflow.com/flags/posts/*/add/*',
      'https://stackoverflow.com/flags/questions/*/close/*',
      'https://stackoverflow.com/flags/questions/*/reopen/*',
    ],
    match({ url }) {
      const vote = /^\/posts\/(\d+)\/vote\/(\d+)$/.exec(url.pathname);
      if (vote) {
        const hit = vote[2] ? VOTE_TYPES[vote[2]] : undefined;
        return hit ? { ...hit, target: vote[1] } : null;
      }
      const flag = /^\/flags\/posts\/(\d+)\/add\/\w+$/.exec(url.pathname);
      if (flag) return { action: 'flag', op: 'add', target: flag[1] };
      return closeVote(url.pathname);
    },
  },
  {
    // A review-queue task is done when the queue posts its result: /review/task-reviewed/<taskId>
    // (the path userscripts watch to detect audits: CertainPerformance/Stack-Exchange-Userscripts
    // Audit-Detector/StackAuditDetector.user.js @8d7be63; HenryEcker/SO-UserScripts ReviewAuditDetector).
    urls: ['https://stackoverflow.com/review/task-reviewed/*'],
    match({ url }) {
      const task = /^\/review\/task-reviewed\/(\d+)$/.exec(url.pathname);
      return task ? { action: 'review', op: 'add', target: task[1] } : null;
    },
  },
]);
