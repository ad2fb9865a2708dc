import { isPressed, prop, queryFirst, str } from './dom';
import { defineDetector } from './types';

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

/** The id of the video on a watch, Shorts or live page. */
export function videoId(url: URL): string | undefined {
  const v = url.searchParams.get('v');
  if (v) return v;
  const m = /^\/(?:shorts|live)\/([\w-]{6,})/.exec(url.pathname);
  return m?.[1];
}

const YT_API = ['*://www.youtube.com/youtubei/v1/*', '*://m.youtube.com/youtubei/v1/*'] as const;

export default defineDetector({
  id: 'youtube',
  label: 'YouTube',
  matches: ['*://www.youtube.com/*', '*://m.youtube.com/*'],
  testUrls: ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/shorts/'],
  actions: {
    like: { kind: 'reaction', detail: 'like', slot: 'exclusive' },
    dislike: { kind: 'reaction', detail: 'dislike', slot: 'exclusive' },
    comment: { kind: 'comment', detail: 'comment', slot: 'none' },
    reply: { kind: 'comment', detail: 'reply', slot: 'none' },
  },
  toggles: [
    {
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
  ],
  submits: [
    {
      action: 'comment',
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
  network: [
    {
      // InnerTube like endpoints, stable since about 2020: like, dislike, removelike.
      urls: YT_API,
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
      urls: YT_API,
      match({ url }) {
        const m = /\/youtubei\/v1\/comment\/(create_comment|create_comment_reply)$/.exec(url.pathname);
        if (!m) return null;
        return { action: m[1] === 'create_comment' ? 'comment' : 'reply', op: 'add' };
      },
    },
  ],
});
