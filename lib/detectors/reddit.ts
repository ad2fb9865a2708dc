import { formField, isPressed, prop, queryFirstDeep, str } from './dom';
import { definePage, endpoints, type NetMatch, withNetwork } from './types';

// Vote buttons whose state shows as aria-pressed.
const UP = [
  'button[upvote]', // shreddit post and comment action rows, in their open shadow roots (2023 onwards)
  'button[data-click-id="upvote"]', // the 2018 redesign (new.reddit)
] as const;
const DOWN = [
  'button[downvote]', // shreddit
  'button[data-click-id="downvote"]', // the 2018 redesign
] as const;
// old.reddit's arrows, a thing's own (not those of nested replies); the state is the class upmod/downmod.
const OLD_ARROWS = [
  '.thing > .midcol > .arrow', // link and comment arrows, unchanged since about 2008
] as const;

/** A post (t3_) or comment (t1_) fullname, or undefined. */
function fullname(v: string | null | undefined): string | undefined {
  return v && /^t[13]_[a-z0-9]+$/i.test(v) ? v : undefined;
}

/** The post a comments page shows, as a fullname. */
function postOf(url: URL): string | undefined {
  const m = /\/comments\/([a-z0-9]+)/i.exec(url.pathname);
  return m ? `t3_${m[1]}` : undefined;
}

/** The vote state inside a scope: shreddit and the redesign use aria-pressed, old.reddit its classes. */
function voteState(scope: Element): 'up' | 'down' | null {
  if (isPressed(queryFirstDeep(scope, UP))) return 'up';
  if (isPressed(queryFirstDeep(scope, DOWN))) return 'down';
  if (scope.querySelector(':scope > .midcol > .arrow.upmod')) return 'up';
  if (scope.querySelector(':scope > .midcol > .arrow.downmod')) return 'down';
  return null;
}

/** The fullname a vote scope stands for. */
function voteTarget(scope: Element): string | undefined {
  return (
    fullname(scope.getAttribute('comment-id')) ?? // shreddit-comment-action-row
    fullname(scope.closest('shreddit-comment')?.getAttribute('thingid')) ??
    fullname(scope.getAttribute('data-fullname')) ?? // old.reddit .thing
    fullname(scope.id) // shreddit-post and the redesign's post container
  );
}

const SHREDDIT_VOTE: Record<string, NetMatch['op'] | undefined> = { UP: 'add', DOWN: 'add', NONE: 'undo' };

export const page = definePage({
  id: 'reddit',
  label: 'Reddit',
  matches: ['https://www.reddit.com/*', 'https://old.reddit.com/*', 'https://new.reddit.com/*'],
  testUrls: [
    'https://www.reddit.com/r/AskReddit/',
    'https://www.reddit.com/r/AskReddit/comments/1abcde/',
    'https://old.reddit.com/r/AskReddit/comments/1abcde/',
  ],
  actions: {
    up: { kind: 'vote', detail: 'up', slot: 'exclusive' },
    down: { kind: 'vote', detail: 'down', slot: 'exclusive' },
    comment: { kind: 'comment', detail: 'comment', slot: 'none' },
    report: { kind: 'report', detail: 'report', slot: 'none' },
    // A moderator's decision on a post or comment; approving what was removed is a new decision.
    approve: { kind: 'moderation', detail: 'approve', slot: 'none' },
    remove: { kind: 'moderation', detail: 'remove', slot: 'none' },
  }, // Request only, with no saved page of the platform's own request: marked unconfirmed where users see it.
  unconfirmed: ['approve', 'remove'],

  toggles: [
    {
      actions: ['up', 'down'],
      control: [...UP, ...DOWN, ...OLD_ARROWS],
      scope: [
        'shreddit-comment-action-row', // a comment's vote row, shreddit (2023 onwards)
        'shreddit-post', // a post, shreddit (2023 onwards)
        'div[data-testid="post-container"]', // a post, 2018 redesign
        '.thing[data-fullname]', // a link or comment, old.reddit
      ],
      state: voteState,
      target: (scope) => voteTarget(scope),
    },
  ],
  submits: [
    {
      action: 'comment',
      control: [
        'shreddit-composer button[slot="submit-button"]', // shreddit comment and reply composer (2023 onwards)
        'form.usertext button.save', // old.reddit comment and reply form
      ],
      composer: (button) => button.closest('shreddit-composer, form.usertext'),
      field: [
        '[contenteditable="true"]', // shreddit's rich text editor
        'textarea[name="text"]', // old.reddit and shreddit's markdown mode
      ],
      // The parent the comment answers: the network request names it too.
      target: (composer, url) =>
        fullname((composer.querySelector('input[name="thing_id"]') as HTMLInputElement | null)?.value) ??
        fullname(composer.closest('shreddit-comment')?.getAttribute('thingid')) ??
        postOf(url),
    },
  ],
  health: {
    // A comments page always shows the post's vote arrows.
    pages: /^\/r\/\w+\/comments\//,
    controls: ['shreddit-post', '.thing .arrow', 'button[data-click-id="upvote"]'],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // shreddit's GraphQL gateway, by operation name; the post or comment fullname is in the input.
    urls: endpoints('https://www.reddit.com/svc/shreddit/graphql'),
    match({ body }) {
      const operation = str(prop(body, 'operation'));
      if (operation !== 'UpdatePostVoteState' && operation !== 'UpdateCommentVoteState') return null;
      const input = prop(prop(body, 'variables'), 'input');
      const state = str(prop(input, 'voteState')) ?? '';
      const op = SHREDDIT_VOTE[state];
      if (!op) return null;
      const target = fullname(str(prop(input, 'postId')) ?? str(prop(input, 'commentId')));
      return { action: state === 'DOWN' ? 'down' : 'up', op, target };
    },
  },
  {
    // shreddit's comment endpoint: /svc/shreddit/<parent fullname>/create-comment.
    urls: endpoints('https://www.reddit.com/svc/shreddit/*/create-comment'),
    match({ url }) {
      const m = /^\/svc\/shreddit\/(t[13]_[a-z0-9]+)\/create-comment$/i.exec(url.pathname);
      return m ? { action: 'comment', op: 'add', target: m[1] } : null;
    },
  },
  {
    // The classic API that old.reddit (and the redesign) post forms to, unchanged since about 2010.
    urls: ['www', 'old', 'new'].flatMap((h) =>
      endpoints(...['vote', 'comment', 'report', 'approve', 'remove'].map((e) => `https://${h}.reddit.com/api/${e}`)),
    ),
    match({ url, body }) {
      const endpoint = /^\/api\/(vote|comment|report|approve|remove)$/.exec(url.pathname)?.[1];
      if (endpoint === 'vote') {
        const dir = formField(body, 'dir');
        const target = fullname(formField(body, 'id'));
        if (dir === '1') return { action: 'up', op: 'add', target };
        if (dir === '-1') return { action: 'down', op: 'add', target };
        if (dir === '0') return { action: 'up', op: 'undo', target };
        return null;
      }
      if (endpoint === 'comment') return { action: 'comment', op: 'add', target: fullname(formField(body, 'thing_id')) };
      if (endpoint === 'report') return { action: 'report', op: 'add', target: fullname(formField(body, 'thing_id')) };
      // Moderator buttons (old.reddit's .big-mod-buttons, Mod Toolbox) post `id` to /api/approve and
      // /api/remove (with `spam`): reddit's own r2 reddit.js big_mod_action (code-search idx
      // 10442796392, 568338765), an API client (idx 2902318), a page object (idx 70250299553).
      if (endpoint === 'approve' || endpoint === 'remove') {
        const target = fullname(formField(body, 'id'));
        return target ? { action: endpoint, op: 'add', target } : null;
      }
      return null;
    },
  },
]);
