import { isPressed, prop, queryFirst, str } from './dom';
import { definePage, endpoints, type NetMatch, withNetwork } from './types';

// Like and dislike buttons, current markup first. State is read from aria-pressed, never from labels.
const LIKE = [
  'like-button-view-model button[aria-pressed]', // watch page, view-model markup (2023-12 onwards)
  '#segmented-like-button button[aria-pressed]', // ytd-segmented-like-dislike-button-renderer (2022-08 to 2023-12)
  '#like-button button[aria-pressed]', // Shorts action bar
] as const;
const DISLIKE = [
  'dislike-button-view-model button[aria-pressed]', // watch page, view-model markup (2023-12 onwards)
  '#segmented-dislike-button button[aria-pressed]', // segmented renderer (2022-08 to 2023-12)
  '#dislike-button button[aria-pressed]', // Shorts action bar
] as const;

// A comment's like and dislike, in its engagement bar.
const COMMENT_LIKE = [
  'ytd-comment-engagement-bar #like-button button[aria-pressed]', // button-shape markup (2023 onwards)
  'ytd-comment-engagement-bar #like-button[aria-pressed]', // the older paper toggle button
] as const;
const COMMENT_DISLIKE = [
  'ytd-comment-engagement-bar #dislike-button button[aria-pressed]', // button-shape markup (2023 onwards)
  'ytd-comment-engagement-bar #dislike-button[aria-pressed]', // the older paper toggle button
] as const;

/** The id of the comment an engagement bar belongs to: its permalink carries it as `lc`. */
export function commentId(bar: Element): string | undefined {
  const comment = bar.closest('ytd-comment-view-model, ytd-comment-renderer');
  const link = comment?.querySelector('#published-time-text a[href*="lc="], a[href*="&lc="]');
  return new URLSearchParams(link?.getAttribute('href')?.split('?')[1] ?? '').get('lc') ?? undefined;
}

/**
 * The action type and comment id inside the opaque token of perform_comment_action: a base64
 * protobuf whose field 1 is the type (5 like, 4 dislike) and field 3 the comment id.
 */
export function commentAction(token: string): { type: number; commentId?: string } | null {
  let bytes: Uint8Array;
  try {
    const b64 = decodeURIComponent(token).replace(/-/g, '+').replace(/_/g, '/');
    bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  let i = 0;
  const varint = () => {
    let v = 0;
    for (let shift = 0; i < bytes.length && shift < 35; shift += 7) {
      const b = bytes[i++] as number;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
    throw new Error('bad varint');
  };
  let type: number | undefined;
  let id: string | undefined;
  try {
    while (i < bytes.length) {
      const key = varint();
      const wire = key & 7;
      const fieldNo = Math.floor(key / 8);
      if (wire === 0) {
        const v = varint();
        if (fieldNo === 1) type = v;
      } else if (wire === 2) {
        const len = varint();
        if (fieldNo === 3) id = new TextDecoder().decode(bytes.subarray(i, i + len));
        i += len;
      } else if (wire === 5) i += 4;
      else if (wire === 1) i += 8;
      else return null;
    }
  } catch {
    return null;
  }
  return type === undefined ? null : { type, commentId: id?.trim() || undefined };
}

/** The id of the video on a watch, Shorts or live page. */
export function videoId(url: URL): string | undefined {
  const v = url.searchParams.get('v');
  if (v) return v;
  const m = /^\/(?:shorts|live)\/([\w-]{6,})/.exec(url.pathname);
  return m?.[1];
}

// Lists that are not curation: watch history (removing from it uses the same endpoint, idx
// 69386179343) and Liked videos (a like, counted as such).
const NOT_CURATION = new Set(['HL', 'LL']);

/** One playlist edit: a video added, or removed by its id (netted) or by its playlist entry (not netted). */
function playlistEdit(body: unknown): NetMatch | null {
  const playlist = str(prop(body, 'playlistId'));
  const actions = prop(body, 'actions');
  if (!playlist || NOT_CURATION.has(playlist) || !Array.isArray(actions)) return null;
  const first = actions[0];
  const kind = str(prop(first, 'action'));
  if (kind === 'ACTION_ADD_VIDEO') {
    const video = str(prop(first, 'addedVideoId'));
    return video ? { action: 'playlist', op: 'add', target: `${playlist}:${video}` } : null;
  }
  if (kind === 'ACTION_REMOVE_VIDEO_BY_VIDEO_ID') {
    const video = str(prop(first, 'removedVideoId'));
    return video ? { action: 'playlist', op: 'undo', target: `${playlist}:${video}` } : null;
  }
  return null; // ACTION_REMOVE_VIDEO names the playlist entry, not the video; moves are not curation
}
/** InnerTube endpoints (`like/like`), on both hosts, with or without a query. */
const innertube = (...paths: string[]) =>
  ['www', 'm'].flatMap((h) => endpoints(...paths.map((p) => `https://${h}.youtube.com/youtubei/v1/${p}`)));

export const page = definePage({
  id: 'youtube',
  label: 'YouTube',
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  testUrls: ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/shorts/'],
  actions: {
    like: { kind: 'reaction', detail: 'like', slot: 'exclusive' },
    dislike: { kind: 'reaction', detail: 'dislike', slot: 'exclusive' },
    comment: { kind: 'comment', detail: 'comment', slot: 'none' },
    reply: { kind: 'comment', detail: 'reply', slot: 'none' },
    // A comment's like is a like on another target (the comment id), so it shares the details.
    commentLike: { kind: 'reaction', detail: 'like', slot: 'exclusive' },
    commentDislike: { kind: 'reaction', detail: 'dislike', slot: 'exclusive' },
    report: { kind: 'report', detail: 'report', slot: 'none' },
    // Saving a video to a playlist (or Watch later) sorts it into a named list: curation, so `tag`.
    playlist: { kind: 'tag', detail: 'playlist', slot: 'per-detail' },
  }, // Request only, with no saved page of the platform's own request: marked unconfirmed where users see it.
  unconfirmed: ['playlist'],

  toggles: [
    {
      actions: ['like', 'dislike'],
      control: [...LIKE, ...DISLIKE],
      scope: [
        'segmented-like-dislike-button-view-model', // watch page (2023-12 onwards)
        'ytd-segmented-like-dislike-button-renderer', // watch page (2022-08 to 2023-12)
        'reel-action-bar-view-model', // Shorts (2024 onwards)
        '#actions.ytd-reel-player-overlay-renderer', // Shorts (2021 to 2024)
      ],
      state(scope) {
        if (isPressed(queryFirst(scope, LIKE))) return 'like';
        if (isPressed(queryFirst(scope, DISLIKE))) return 'dislike';
        return null;
      },
      target: (_scope, url) => videoId(url),
    },
    {
      actions: ['commentLike', 'commentDislike'],
      control: [...COMMENT_LIKE, ...COMMENT_DISLIKE],
      scope: [
        'ytd-comment-engagement-bar', // under each comment and reply (2018 onwards)
      ],
      state(bar) {
        if (isPressed(queryFirst(bar, COMMENT_LIKE))) return 'commentLike';
        if (isPressed(queryFirst(bar, COMMENT_DISLIKE))) return 'commentDislike';
        return null;
      },
      target: (bar) => commentId(bar),
    },
  ],
  submits: [
    {
      action: 'comment',
      // Reply boxes are the same ytd-commentbox: the request tells a reply apart.
      actions: ['comment', 'reply'],
      control: [
        'ytd-commentbox #submit-button button', // desktop comment and reply box (2020 onwards)
        'ytd-commentbox #submit-button', // the same before the button-shape markup
      ],
      composer: (button) => button.closest('ytd-commentbox'),
      field: [
        '#contenteditable-root', // contenteditable comment box (2019 onwards)
        'textarea', // the older plain text area
      ],
      target: (_box, url) => videoId(url),
    },
  ],
  health: {
    // Watch and Shorts pages always show the like button, signed in or not.
    pages: /^\/(watch\?|shorts\/)/,
    controls: [...LIKE],
  },
  requests: {},
});

export default /* @__PURE__ */ withNetwork(page, () => [
  {
    // InnerTube like endpoints, stable since about 2020: like, dislike, removelike.
    urls: innertube('like/like', 'like/dislike', 'like/removelike'),
    match({ url, body }) {
      const m = /\/youtubei\/v1\/like\/(like|dislike|removelike)$/.exec(url.pathname);
      if (!m) return null;
      const target = str(prop(prop(body, 'target'), 'videoId'));
      if (m[1] === 'removelike') return { action: 'like', op: 'undo', target };
      return { action: m[1] as 'like' | 'dislike', op: 'add', target };
    },
  },
  {
    // Comment creation; the video id is inside an opaque protobuf parameter, so no target.
    urls: innertube('comment/create_comment', 'comment/create_comment_reply'),
    match({ url }) {
      const m = /\/youtubei\/v1\/comment\/(create_comment|create_comment_reply)$/.exec(url.pathname);
      if (!m) return null;
      return { action: m[1] === 'create_comment' ? 'comment' : 'reply', op: 'add' };
    },
  },
  {
    // Comment like and dislike: one opaque token per action, decoded for its type and comment id.
    // Other types (undo, delete, translate) share the endpoint and are left to the DOM signal.
    urls: innertube('comment/perform_comment_action'),
    match({ url, body }) {
      if (!url.pathname.endsWith('/youtubei/v1/comment/perform_comment_action')) return null;
      const actions = prop(body, 'actions');
      const token = str(Array.isArray(actions) ? actions[0] : prop(body, 'action'));
      const decoded = token ? commentAction(token) : null;
      if (decoded?.type === 5) return { action: 'commentLike', op: 'add', target: decoded.commentId };
      if (decoded?.type === 4) return { action: 'commentDislike', op: 'add', target: decoded.commentId };
      return null;
    },
  },
  {
    // "Save to playlist" and Watch later: POST /youtubei/v1/browse/edit_playlist {playlistId, actions}
    // (InnerTube clients and extensions, code-search idx 59660589528, 55032216138, 49046776308,
    // 71577209316; the same playlistEditEndpoint bodies sit in ytInitialData of the saved 2024-06
    // watch page, oscarotero/Embed test cache).
    urls: innertube('browse/edit_playlist'),
    match: ({ url, body }) => (url.pathname.endsWith('/youtubei/v1/browse/edit_playlist') ? playlistEdit(body) : null),
  },
  {
    // The report dialog's final submit (flag/get_form only opens the dialog).
    urls: innertube('flag/flag'),
    match: ({ url }) => (url.pathname.endsWith('/youtubei/v1/flag/flag') ? { action: 'report', op: 'add' } : null),
  },
]);
