import { isPressed, prop, str } from './dom';
import { definePage, type NetMatch, type NetRequest, withNetwork } from './types';

/** The id of the video a page shows: /@user/video/<id> (and /@user/photo/<id> for photo posts). */
export function videoId(url: URL): string | undefined {
  return /^\/@[^/]+\/(?:video|photo)\/(\d+)/.exec(url.pathname)?.[1];
}

/** A parameter of the query string, else of a form-encoded body. */
function param(req: NetRequest, name: string): string | undefined {
  const fromBody = prop(req.body, name);
  return str(req.url.searchParams.get(name) ?? undefined) ?? (Array.isArray(fromBody) ? str(fromBody[0]) : str(fromBody));
}

/**
 * The web client's write endpoints, by path. The like and favourite endpoints carry the new
 * state (type / action: 1 on, 0 off) and the video as `aweme_id`; reposts ("upvotes" inside
 * TikTok) carry it as `item_id`. All are sent only for a signed-in account.
 */
export function matchApi(req: NetRequest): NetMatch | null {
  const path = req.url.pathname.replace(/\/$/, '');
  const aweme = param(req, 'aweme_id');
  switch (path) {
    case '/api/commit/item/digg': {
      const type = param(req, 'type');
      if (type !== '1' && type !== '0') return null;
      return { action: 'like', op: type === '1' ? 'add' : 'undo', target: aweme };
    }
    case '/api/item/collect': {
      const action = param(req, 'action');
      if (action !== '1' && action !== '0') return null;
      return { action: 'favorite', op: action === '1' ? 'add' : 'undo', target: aweme };
    }
    case '/api/comment/publish':
      return { action: 'comment', op: 'add', target: aweme };
    case '/tiktok/v1/upvote/publish':
      return { action: 'repost', op: 'add', target: param(req, 'item_id') ?? aweme };
    case '/tiktok/v1/upvote/delete':
      return { action: 'repost', op: 'undo', target: param(req, 'item_id') ?? aweme };
    default:
      return null;
  }
}

export const page = definePage({
  id: 'tiktok',
  label: 'TikTok',
  matches: ['https://www.tiktok.com/*'],
  testUrls: ['https://www.tiktok.com/@tiktok/video/7106594312292453675', 'https://www.tiktok.com/foryou'],
  actions: {
    like: { kind: 'reaction', detail: 'like', slot: 'per-detail' },
    favorite: { kind: 'reaction', detail: 'favorite', slot: 'per-detail' },
    repost: { kind: 'share', detail: 'repost', slot: 'per-detail' },
    comment: { kind: 'comment', detail: 'comment', slot: 'none' },
  },
  toggles: [
    {
      // Reports a like only on a video's own page with the 2024 button: elsewhere the request alone
      // counts, so the like is not listed (see ToggleControl.actions).
      actions: [],
      control: [
        '[data-e2e="like-icon"]', // the heart of the action bar, feed and video page (2021 onwards)
        '[data-e2e="browse-like-icon"]', // the heart on the video page of the later layout (2024 onwards)
      ],
      // The like button itself: it carries the state in aria-pressed (2024 onwards). The 2022
      // button had no aria-pressed, so there the request alone counts.
      scope: ['button[aria-pressed]'],
      // Only on a video's own page, where the target is known: elsewhere a sighting without a
      // target could not merge with the request's and would count twice.
      state: (button) => (isPressed(button) && videoId(new URL(button.ownerDocument.URL)) ? 'like' : null),
      target: (_button, url) => videoId(url),
    },
  ],
  submits: [
    {
      action: 'comment',
      control: [
        '[data-e2e="comment-post"]', // video page comment bar, the Post button (2021 onwards)
      ],
      // The comment bar that holds both the input and its Post button.
      composer(button) {
        for (let el = button.parentElement; el; el = el.parentElement) {
          if (el.querySelector('[data-e2e="comment-input"]')) return el;
        }
        return null;
      },
      field: [
        '[data-e2e="comment-input"] [contenteditable="true"]', // the DraftJS editor inside the input (2021 onwards); its placeholder is a sibling, so an empty box reads empty
        '[data-e2e="comment-text"] [contenteditable="true"]', // the same, found through the inner wrapper
      ],
      target: (_bar, url) => videoId(url),
    },
  ],
  health: {
    // A video page always shows the like button, signed in or not.
    pages: /^\/@[^/]+\/video\/\d+/,
    controls: ['[data-e2e="like-icon"]'],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    urls: [
      'https://www.tiktok.com/api/commit/item/digg*',
      'https://www.tiktok.com/api/item/collect*',
      'https://www.tiktok.com/api/comment/publish*',
      'https://www.tiktok.com/tiktok/v1/upvote/*',
    ],
    match: matchApi,
  },
]);
