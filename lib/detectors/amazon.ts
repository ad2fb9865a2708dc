import { closestOf } from './dom';
import { defineDetector } from './types';

/**
 * The marketplaces counted: the largest ones, which all serve the same review-page markup
 * (`data-hook` widgets, seen on .com in 2024 and .es in 2020). Every domain added is one more host
 * the extension must be allowed to read, so the list stays short and explicit.
 */
const MARKETPLACES = ['com', 'co.uk', 'de', 'fr', 'ca', 'it', 'es', 'co.jp'] as const;

const WIDGET = [
  '[data-hook="review-voting-widget"]', // the vote bar under each review (2017 onwards)
  '.cr-vote', // its class, should the hook go
] as const;

/** The review a control belongs to: its card's id (`R2…`), or the id its vote or report link carries. */
export function reviewId(el: Element): string | undefined {
  const card = closestOf(el, [
    '[data-hook="review"]', // product page and all-reviews page (2017 onwards)
    '[id^="customer_review-"]', // the card's inner section
  ]);
  const id = /^(?:customer_review-)?(R[A-Z0-9]{6,})$/.exec(card?.id ?? '')?.[1];
  if (id) return id;
  const bar = el.closest('.cr-vote-action-bar') ?? el;
  for (const a of bar.querySelectorAll('[href*="reviewId="], [href*="entityId="]')) {
    const m = /(?:reviewId|entityId)(?:%3D|=)(R[A-Z0-9]{6,})/.exec(a.getAttribute('href') ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** Amazon shows and hides parts of a widget with its `aok-hidden` utility class. */
const shown = (el: Element | null) => el !== null && !el.classList.contains('aok-hidden') && !el.hasAttribute('hidden');

export default defineDetector({
  id: 'amazon',
  label: 'Amazon',
  matches: MARKETPLACES.map((tld) => `*://www.amazon.${tld}/*`),
  testUrls: ['https://www.amazon.com/product-reviews/B0BBPNPZTC', 'https://www.amazon.fr/product-reviews/B0BBPNPZTC'],
  actions: {
    helpful: { kind: 'vote', detail: 'helpful', slot: 'exclusive' },
  },
  toggles: [
    {
      actions: ['helpful'],
      control: [
        '[data-hook="vote-helpful-button"]', // the Helpful button: a submit input signed in, a sign-in link signed out (2017 onwards)
        '.cr-helpful-button', // its wrapper, should the hook go
      ],
      scope: WIDGET,
      // Accepted: the widget swaps the button for its success message ("Thank you for your feedback").
      state: (widget) =>
        shown(
          widget.querySelector(
            [
              '[data-hook="vote-success-message"]', // signed in, 2020 onwards
              '.cr-vote-success', // the same message by its class
            ].join(','),
          ),
        )
          ? 'helpful'
          : null,
      target: (widget) => reviewId(widget),
    },
  ],
  health: {
    // Review lists always show the vote bar, signed in or not.
    pages: /^\/(?:[^/]+\/)?product-reviews\//,
    controls: [...WIDGET],
  },
});
