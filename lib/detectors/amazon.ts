import { closestOf, queryFirst } from './dom';
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

/**
 * The in-context review form (`/review/create-review?asin=…`, React, about 2024 onwards). Sources,
 * none a saved page (so the review and rating actions are unconfirmed):
 * - a Vine userscript's DOM notes, "verified 31/08/2026" on amazon.fr (search idx 62319750869): form
 *   `#in-context-ryp-form[data-testid="in-context-ryp-form"]` holding `#reviewText` and `#reviewTitle`,
 *   stars as `[role="radio"][aria-checked]`, submit `.ryp-submit-button-desktop .a-button-input`,
 *   refusal page `[data-hook="ryp-error-page-text"]`;
 * - a Cypress page object (idx 37426778507): stars `[class*='starRating-single']`, done
 *   `[data-testid='in-context-ryp__thankyou-text']` shown after the submit click, on the same page;
 * - an automation selector table (idx 67126909613): `span[role='radio'].in-context-ryp__form-field--starRating-single`;
 * - a review extension (idx 43584129541, 2025): containers `#react-app.ryp__desktop`, `.in-context-ryp__container`.
 */
const RYP_FORM = [
  '#in-context-ryp-form', // the form's id (Vine notes 2026-08, ReviewRemember userscript)
  'form[data-testid="in-context-ryp-form"]', // its test id, should the id go (Vine notes 2026-08)
] as const;
const RYP_SUBMIT = [
  '.ryp-submit-button-desktop .a-button-input[type="submit"]', // desktop submit (Vine notes 2026-08)
  '.ryp-submit-button-mobile .a-button-input[type="submit"]', // mobile layout's submit (idx 68798256653, 2026)
] as const;
/**
 * A chosen star: each star is a `span[role="radio"].in-context-ryp__form-field--starRating-single`
 * (selector table idx 67126909613, 2026), checked through aria-checked (Vine notes 2026-08).
 */
const STAR_CHOSEN = '.in-context-ryp__form-field--starRating-single[aria-checked="true"]';
const THANK_YOU = [
  '[data-testid="in-context-ryp__thankyou-text"]', // "Review submitted" (Cypress page objects, 2024–25)
  '.in-context-ryp__thankyou-container-desktop', // its container (review extension idx 43742697840, 2025)
] as const;

/** The product reviewed: the form's page carries its ASIN in the `asin` query parameter (ReviewRemember). */
export function reviewedAsin(url: URL): string | undefined {
  const asin = url.searchParams.get('asin') ?? '';
  return /^[A-Z0-9]{10}$/.test(asin) ? asin : undefined;
}

/** Amazon shows and hides parts of a widget with its `aok-hidden` utility class. */
const shown = (el: Element | null) => el !== null && !el.classList.contains('aok-hidden') && !el.hasAttribute('hidden');

export default defineDetector({
  id: 'amazon',
  label: 'Amazon',
  matches: MARKETPLACES.map((tld) => `https://www.amazon.${tld}/*`),
  testUrls: ['https://www.amazon.com/product-reviews/B0BBPNPZTC', 'https://www.amazon.fr/product-reviews/B0BBPNPZTC'],
  actions: {
    helpful: { kind: 'vote', detail: 'helpful', slot: 'exclusive' },
    review: { kind: 'review', detail: 'review', slot: 'none' },
    stars: { kind: 'rating', detail: 'stars', slot: 'exclusive' },
  },
  // The review form is known from public scripts' selectors only: no saved page of it yet.
  unconfirmed: ['review', 'stars'],
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
    {
      // The star rating: a submit with a star chosen, confirmed only when the thank-you replaces the
      // form (a refused submission keeps the form or shows the error page, and counts nothing).
      control: RYP_FORM.flatMap((form) => RYP_SUBMIT.map((b) => `${form}:has(${STAR_CHOSEN}) ${b}`)),
      actions: ['stars'],
      scope: [
        '.in-context-ryp__container', // wraps the form and, once submitted, the thank-you (idx 43584129541)
        '#react-app', // the review app's root (idx 43584129541, 68798256653)
      ],
      state: (app) => (queryFirst(app, THANK_YOU) ? 'stars' : null),
      target: (_app, url) => reviewedAsin(url),
      watchMs: 10_000,
    },
  ],
  submits: [
    {
      // The written review: a submit while `#reviewText` holds text, confirmed when the platform empties
      // or removes the form (the thank-you replaces it). The runtime measures the active typing time.
      action: 'review',
      control: [...RYP_SUBMIT],
      composer: (button) => closestOf(button, RYP_FORM),
      field: [
        '#reviewText', // the review's text area (Vine notes 2026-08, Cypress, Selenium page objects)
        'textarea[name="reviewText"]', // the same by name (Selenium page object idx 15009495357)
      ],
      target: (_form, url) => reviewedAsin(url),
    },
  ],
  health: {
    // Review lists always show the vote bar, signed in or not.
    pages: /^\/(?:[^/]+\/)?product-reviews\//,
    controls: [...WIDGET],
  },
});
