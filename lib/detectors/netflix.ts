import { queryFirst } from './dom';
import { defineDetector } from './types';

// The rate button opens a menu of three thumbs; it then shows the chosen one, filled.
const RATE = [
  'button[data-uia="thumbs-rate-button"]', // title preview and detail modals (2022 onwards)
] as const;
const CHOICES = [
  '[data-uia="thumbsDown-button"]', // the menu's "not for me" (2022 onwards)
  '[data-uia="thumbsUp-button"]', // the menu's "I like this" (2022 onwards)
  '[data-uia="thumbsWayUp-button"]', // the menu's "love this" (2022 onwards)
  '[data-uia="thumbs-down-button"]', // the same three in kebab case, seen in some builds
  '[data-uia="thumbs-up-button"]',
  '[data-uia="thumbs-wayup-button"]',
] as const;

/** The rating an icon name shows: Netflix's icon set names filled thumbs `…Fill` (`ThumbsUpFillStandard`). */
const FILLED: readonly [RegExp, string][] = [
  [/^ThumbsUpTwoFill/, 'love'],
  [/^ThumbsDownFill/, 'thumbs-down'],
  [/^ThumbsUpFill/, 'thumbs-up'],
];

function ratingShown(scope: Element): string | null {
  const icon = queryFirst(scope, RATE)?.querySelector('svg[data-icon], svg[data-name]');
  // data-icon since about 2024 (`ThumbsUpFillStandard`), data-name before (`ThumbsUpFill`).
  const name = icon?.getAttribute('data-icon') ?? icon?.getAttribute('data-name') ?? '';
  return FILLED.find(([re]) => re.test(name))?.[1] ?? null;
}

/** The title id: the modal's tracking context carries it; the address does on title and `jbv` pages. */
export function titleId(scope: Element, url: URL): string | undefined {
  const context = scope.closest('.previewModal--container') ?? scope;
  for (const el of context.querySelectorAll('[data-ui-tracking-context]')) {
    let raw = el.getAttribute('data-ui-tracking-context') ?? '';
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // Left as is: the id may still be readable.
    }
    const m = /"video_id":(\d+)/.exec(raw);
    if (m) return m[1];
  }
  return url.searchParams.get('jbv') ?? /^\/(?:title|watch)\/(\d+)/.exec(url.pathname)?.[1] ?? undefined;
}

export default defineDetector({
  id: 'netflix',
  label: 'Netflix',
  matches: ['https://www.netflix.com/*'],
  testUrls: ['https://www.netflix.com/browse', 'https://www.netflix.com/title/80057281'],
  actions: {
    'thumbs-up': { kind: 'rating', detail: 'thumbs-up', slot: 'exclusive' },
    'thumbs-down': { kind: 'rating', detail: 'thumbs-down', slot: 'exclusive' },
    love: { kind: 'rating', detail: 'love', slot: 'exclusive' },
  },
  toggles: [
    {
      actions: ['thumbs-up', 'thumbs-down', 'love'],
      control: [...RATE, ...CHOICES],
      scope: [
        '[data-uia="mini-modal-controls"]', // the buttons row of a preview or detail modal (2020 onwards)
        '.buttonControls--container', // the same row by its class
      ],
      state: ratingShown,
      // The default short watch is enough: the click on the chosen thumb arms it again.
      target: titleId,
    },
  ],
  health: {
    // A title page opens its detail modal, which always has the rate button.
    pages: /^\/title\/\d+/,
    controls: [...RATE],
  },
});
