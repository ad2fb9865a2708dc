import { formField, metaOperation, prop, str } from './dom';
import { definePage, endpoints, type NetMatch, type NetRequest, withNetwork } from './types';

/**
 * Facebook's reaction controls carry their state only in English aria-labels ("Like", "Remove
 * Like"), and the reel action rail carries neither label nor aria-pressed (2026-08), so reactions,
 * comments and shares are read from Comet's GraphQL mutations, by their friendly name. The
 * background only keeps them after a trusted click or key press in the tab: Facebook sends
 * react-shaped requests on page open. A person tagged in a photo is read from the tagger's form
 * POST (matchPhotoTag, below).
 */

/** `feedback_reaction_id` values, stable since the 2016 reactions launch ('0' clears). */
const REACTIONS: Record<string, string> = {
  '1635855486666999': 'like',
  '1678524932434102': 'love',
  '613557422527858': 'care',
  '115940658764963': 'haha',
  '478547315650144': 'wow',
  '908563459236466': 'sad',
  '444813342392137': 'angry',
};

/** Comet's operation name and its variables. */
export const cometOperation = metaOperation;

const REACT_OPS = new Set([
  'CometUFIFeedbackReactMutation', // Comet (2020 onwards)
  'useCometUFIFeedbackReactMutation', // the same, renamed as a hook on some surfaces
  'UFI2FeedbackReactMutation', // pre-Comet (before 2020)
]);
const COMMENT_OPS = new Set([
  'useCometUFICreateCommentMutation', // Comet (2021 onwards)
  'CometUFICreateCommentMutation', // early Comet
  'UFI2CreateCommentMutation', // pre-Comet
]);

export function matchGraphql({ body }: NetRequest): NetMatch | null {
  const op = cometOperation(body);
  if (!op) return null;
  const input = prop(op.variables, 'input');
  const target = str(prop(input, 'feedback_id'));
  if (REACT_OPS.has(op.name)) {
    const reaction = str(prop(input, 'feedback_reaction_id'));
    if (reaction === '0') return { action: 'like', op: 'undo', target };
    const action = reaction ? REACTIONS[reaction] : undefined;
    return action ? { action, op: 'add', target } : null;
  }
  if (COMMENT_OPS.has(op.name)) return { action: 'comment', op: 'add', target };
  // "Share now" from the share sheet (2020 onwards).
  if (op.name === 'useCometFeedToFeedReshare_FeedToFeedMutation') return { action: 'share', op: 'add' };
  // The composer's create mutation also publishes ordinary posts: only a reshare carries the
  // shared story in a share_scrape_data attachment (seen 2023 to 2026-08).
  if (op.name === 'ComposerStoryCreateMutation' && JSON.stringify(input ?? null).includes('share_scrape_data')) {
    return { action: 'share', op: 'add' };
  }
  return null;
}

/**
 * A person tagged in a photo: the photo viewer's tagger posts the photo id and `action=add` to
 * /ajax/photo_tagging_ajax.php (`remove`, `retract`, `remove_block`, `mark_as_spam` for the other
 * choices). Seen in a copy of Facebook's own PhotoTagger module (`saveTag`, 2011, idx 37013095870,
 * fields `pid`, `id`, `subject`, `name`, `action`), in a 2020 bug report on the Comet site's photo
 * viewer (`POST /ajax/photo_tagging_ajax.php?av=…`, `fbid=…&action=add`, reported 2020-02-25, idx
 * 54541234584) and in tagging scripts (idx 4194224757, 21671752514). No saved request: unconfirmed.
 * Only the action and the photo id are read, never who was tagged (`subject`, `name`).
 */
export function matchPhotoTag({ body }: NetRequest): NetMatch | null {
  if (formField(body, 'action') !== 'add') return null;
  return { action: 'tag', op: 'add', target: formField(body, 'fbid') ?? formField(body, 'pid') };
}

export const page = definePage({
  id: 'facebook',
  label: 'Facebook',
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  testUrls: ['https://www.facebook.com/', 'https://www.facebook.com/NASA/posts/'],
  actions: {
    like: { kind: 'reaction', detail: 'like', slot: 'exclusive' },
    love: { kind: 'reaction', detail: 'love', slot: 'exclusive' },
    care: { kind: 'reaction', detail: 'care', slot: 'exclusive' },
    haha: { kind: 'reaction', detail: 'haha', slot: 'exclusive' },
    wow: { kind: 'reaction', detail: 'wow', slot: 'exclusive' },
    sad: { kind: 'reaction', detail: 'sad', slot: 'exclusive' },
    angry: { kind: 'reaction', detail: 'angry', slot: 'exclusive' },
    comment: { kind: 'comment', detail: 'comment', slot: 'none' },
    share: { kind: 'share', detail: 'share', slot: 'none' },
    // Each person tagged counts; removing a tag is not netted out (the tag has no id of its own).
    tag: { kind: 'tag', detail: 'tag', slot: 'none' },
  },
  unconfirmed: ['tag'],
  health: {
    // The home feed always renders its feed container; the reaction buttons are told apart
    // only by English labels, so the check cannot name them.
    pages: /^\/(\?|$)/,
    controls: [
      '[role="feed"]', // Comet home feed (2020 onwards)
      '[role="main"] [role="article"]', // a post in the main column, when the feed role is missing
    ],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // Every Comet mutation posts to this one endpoint, named only in the body: the body of each
    // POST here is read (after a gesture on Facebook in that tab), for its friendly name.
    urls: endpoints('https://www.facebook.com/api/graphql/', 'https://web.facebook.com/api/graphql/'),
    match: matchGraphql,
  },
  {
    urls: endpoints(
      'https://www.facebook.com/ajax/photo_tagging_ajax.php',
      'https://web.facebook.com/ajax/photo_tagging_ajax.php',
    ),
    match: matchPhotoTag,
  },
]);
