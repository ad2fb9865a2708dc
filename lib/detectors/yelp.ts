import { writtenReview } from './review-form';
import { defineDetector } from './types';

/**
 * Yelp: a written review of a business, on the "Write a review" page
 * (`/writeareview/biz/<business id or alias>`, the address of the business page's review button,
 * `review_origin=biz-details-war-button`, seen in public sites' links 2024–2026, code-search idx
 * 7095212705, 28193166922, 61545310852).
 *
 * No saved page of the form was found, and no request: the markup is what one public Selenium bot
 * drives on it (code-search idx 34505277909, late 2023 or later: it uses the OpenAI client 1.x), by
 * position under `yelp-react-root`: in `main`, a `form` whose first block holds a `fieldset` with a
 * list of five star `input`s (the n-th `li` is n stars) and a paragraph the bot types the review into.
 * A paragraph takes typing only inside an editable root, assumed `[contenteditable="true"]`; the
 * submit button, and what the page does once it accepts a review, are assumed: the review counts only
 * when the form goes away or its text is emptied on the same page.
 */

const WRITE_PAGE = /^\/writeareview\/biz\/([A-Za-z0-9_-]+)\/?$/;

const FORM = 'form:has(fieldset input[type="radio"])'; // the review form: stars and text (bot idx 34505277909)

/** The business reviewed, from the form's address. */
export function reviewedBusiness(url: URL): string | undefined {
  const id = WRITE_PAGE.exec(url.pathname)?.[1];
  return id ? `biz/${id}` : undefined;
}

/** The review form around a submit button, on the "Write a review" page only. */
export function reviewForm(button: Element): Element | null {
  const path = button.ownerDocument.defaultView?.location.pathname ?? '';
  if (!WRITE_PAGE.test(path)) return null;
  const form = button.closest('form');
  return form?.matches(FORM) ? form : null;
}

export default defineDetector({
  id: 'yelp',
  label: 'Yelp',
  // Yelp's main sites, one page code; each is one more host the extension must read.
  matches: ['com', 'ca', 'co.uk', 'fr'].map((tld) => `https://www.yelp.${tld}/*`),
  testUrls: ['https://www.yelp.com/writeareview/biz/-e4TSbHSikunICO8i8wr4Q', 'https://www.yelp.com/biz/wunderbar-san-mateo-2'],
  // A written review with its stars (Yelp asks for both; lib/detectors/review-form.ts).
  ...writtenReview({
    control: [
      `${FORM} button[type="submit"]`, // assumed: the bot's script stops before the submit
    ],
    composer: reviewForm,
    field: [
      '[contenteditable="true"]', // the editable root around the paragraph the bot types into (assumed)
    ],
    target: (_form, url) => reviewedBusiness(url),
    // One per business, as Yelp keeps one review per person and business (writing again updates it):
    // a second submit on the same business merges into the first, as Goodreads and Letterboxd reviews do.
    slot: 'per-detail',
  }),
  // One public bot's positions only: no saved page, no recorded request.
  unconfirmed: ['review'],
  health: {
    // A business page carries its encoded id in this meta element, read by scrapers of 2025–2026
    // (code-search idx 54529221864, 54800966474) to ask for the reviews.
    pages: /^\/biz\/[^/]+\/?$/,
    controls: ['meta[name="yelp-biz-id"]'],
  },
});
