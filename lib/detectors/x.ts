import { prop, str } from './dom';
import { definePage, type ToggleControl, withNetwork } from './types';

const TWEET = [
  'article[data-testid="tweet"]', // timeline and status pages (2019 onwards)
  'article[role="article"]', // the same article if the test id is ever dropped
] as const;

/** The id of the post an article shows: its own permalink (the one wrapping its timestamp). */
export function tweetId(article: Element, url: URL): string | undefined {
  const link = article.querySelector('a[href*="/status/"] time')?.closest('a') ?? article.querySelector('a[href*="/status/"]');
  const m = /\/status\/(\d+)/.exec(link?.getAttribute('href') ?? '') ?? /\/status\/(\d+)/.exec(url.pathname);
  return m?.[1];
}

/** A toggle whose state shows as the button's test id: `on` after the action, `off` before it. */
function testIdToggle(action: string, off: string, on: string, watchMs?: number): ToggleControl {
  return {
    actions: [action],
    control: [`[data-testid="${off}"]`, `[data-testid="${on}"]`],
    scope: TWEET,
    state: (article) => (article.querySelector(`[data-testid="${on}"]`) ? action : null),
    target: tweetId,
    watchMs,
  };
}

/** X's GraphQL operation name: the last path segment after the rotating query id. */
export function operationName(url: URL): string | undefined {
  return /\/i\/api\/graphql\/[^/]+\/(\w+)$/.exec(url.pathname)?.[1];
}

const OPERATIONS: Record<string, { action: string; op: 'add' | 'undo' }> = {
  FavoriteTweet: { action: 'like', op: 'add' },
  UnfavoriteTweet: { action: 'like', op: 'undo' },
  CreateRetweet: { action: 'repost', op: 'add' },
  DeleteRetweet: { action: 'repost', op: 'undo' },
  CreateBookmark: { action: 'bookmark', op: 'add' },
  DeleteBookmark: { action: 'bookmark', op: 'undo' },
  CreateTweet: { action: 'post', op: 'add' },
  CreateNoteTweet: { action: 'post', op: 'add' },
  // Community Notes operations (qids rotate: gbshFt1Vmddrlio4vHWhhQ, bD3AEK9BMCSpRods_ng2fA, …):
  // TypeScript clients (code-search idx 38733868093, 65833963729), Python operation tables
  // (idx 56793121367, 791362625), the web bundle's operation list (idx 46246269331).
  BirdwatchCreateNote: { action: 'note', op: 'add' },
  BirdwatchCreateRating: { action: 'note-rating', op: 'add' },
  BirdwatchDeleteRating: { action: 'note-rating', op: 'undo' },
};

export const page = definePage({
  id: 'x',
  label: 'X',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*'],
  testUrls: ['https://x.com/home', 'https://x.com/NASA/status/1'],
  actions: {
    like: { kind: 'reaction', detail: 'like', slot: 'per-detail' },
    bookmark: { kind: 'reaction', detail: 'bookmark', slot: 'per-detail' },
    repost: { kind: 'share', detail: 'repost', slot: 'per-detail' },
    post: { kind: 'comment', detail: 'post', slot: 'none' },
    reply: { kind: 'comment', detail: 'reply', slot: 'none' },
    // Community Notes: writing a note on a post, rating someone's note (re-rating replaces it).
    note: { kind: 'moderation', detail: 'note', slot: 'none' },
    'note-rating': { kind: 'moderation', detail: 'note-rating', slot: 'per-detail' },
  }, // Request only, with no saved page of the platform's own request: marked unconfirmed where users see it.
  unconfirmed: ['note', 'note-rating'],

  toggles: [
    testIdToggle('like', 'like', 'unlike'),
    // Reposting goes through a menu (retweetConfirm), so the watch stays armed longer.
    testIdToggle('repost', 'retweet', 'unretweet', 15_000),
    testIdToggle('bookmark', 'bookmark', 'removeBookmark'),
  ],
  submits: [
    {
      action: 'post',
      // The request says whether the post answered another: it refines the composer's sighting.
      actions: ['post', 'reply'],
      control: [
        '[data-testid="tweetButtonInline"]', // inline composer: home timeline, reply box on a status page
        '[data-testid="tweetButton"]', // compose and reply dialogs
      ],
      // The composer is the nearest ancestor holding a draft text box.
      composer(button) {
        for (let el = button.parentElement; el; el = el.parentElement) {
          if (el.querySelector('[data-testid^="tweetTextarea_"]')) return el;
        }
        return null;
      },
      field: [
        '[data-testid="tweetTextarea_0"]', // the first (or only) post of a draft, DraftJS contenteditable
        '[data-testid^="tweetTextarea_"]', // later posts of a thread draft
      ],
      target: () => undefined,
    },
  ],
  health: {
    // A post's page always shows its action bar.
    pages: /^\/\w+\/status\/\d+/,
    controls: ['article[data-testid="tweet"] [data-testid="like"]', 'article[data-testid="tweet"] [data-testid="unlike"]'],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // The operation is the path's last segment: one filter per operation counted.
    urls: ['x.com', 'twitter.com'].flatMap((h) => Object.keys(OPERATIONS).map((op) => `https://${h}/i/api/graphql/*/${op}`)),
    match({ url, body }) {
      const name = operationName(url);
      const hit = name ? OPERATIONS[name] : undefined;
      if (!hit) return null;
      const variables = prop(body, 'variables');
      if (hit.action === 'post') {
        const replyTo = str(prop(prop(variables, 'reply'), 'in_reply_to_tweet_id'));
        return { action: replyTo ? 'reply' : 'post', op: 'add', target: replyTo };
      }
      // A note is written on a post (tweet_id); a rating names the note (note_id).
      if (hit.action === 'note') return { ...hit, target: str(prop(variables, 'tweet_id')) };
      if (hit.action === 'note-rating') return { ...hit, target: str(prop(variables, 'note_id')) };
      // Likes carry tweet_id; retweets use tweet_id or source_tweet_id (undo).
      const target = str(prop(variables, 'tweet_id')) ?? str(prop(variables, 'source_tweet_id'));
      return { ...hit, target };
    },
  },
]);
