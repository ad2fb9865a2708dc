import { queryFirst } from './dom';
import { writtenReview } from './review-form';
import { defineDetector } from './types';

/**
 * Tripadvisor: a written review of a hotel, restaurant or attraction, on the "Write a review" page
 * (`/UserReviewEdit-g<geo>-d<location>-<name>.html`, the address review links point to, seen in
 * public sites' "review us" links 2024–2026, code-search idx 16936616581, 52827337411, 68349401341).
 *
 * No saved page of the form was found, and no request: the markup is the classic review form as five
 * public Selenium page objects drive it (2019–2021, tripadvisor.com and .in): overall rating
 * `span#bubble_rating` (class `ui_bubble_rating bubble_<n>0`), `input#ReviewTitle`,
 * `textarea#ReviewText`, sub-ratings `span#qid<n>_bubbles`, the certification checkbox `input#noFraud`
 * and the submit `div#SUBMIT` — aditibhalerao/TripadvisorProject `src/main/java/com/tripadvisor/pages/
 * ReviewPage.java`, amitsb18/Assignments `Assignment2/src/page/TripAdvisorPage.java`, and code-search
 * idx 1045140761, 30278382612, 8557992536, 345988424 (one sets a trip date of "May 2021"). What the page
 * does once it accepts a review is not documented in any of them: the review counts only when the form
 * goes away or its text is emptied on the same page (a refusal, such as the unticked certification,
 * keeps the text). A review posted through a page load would not be seen (see the README row).
 */

const SUBMIT = [
  '#SUBMIT', // the classic form's submit, a div (page objects above, 2019–2021)
] as const;

const FIELD = [
  'textarea#ReviewText', // the review's text (page objects idx 1045140761, 30278382612, 8557992536, 345988424)
  '#ReviewText', // the same id, should the element change
] as const;

const REVIEW_PAGE = /^\/UserReviewEdit-g\d+(?:-d(\d+))?/;

/** The place reviewed: the `d<id>` of the form's address (`/UserReviewEdit-g255677-d26368726-…`). */
export function reviewedPlace(url: URL): string | undefined {
  const id = REVIEW_PAGE.exec(url.pathname)?.[1];
  return id ? `location/${id}` : undefined;
}

/** The smallest element around the submit that holds the review's text field, on the review page only. */
export function reviewForm(button: Element): Element | null {
  const path = button.ownerDocument.defaultView?.location.pathname ?? '';
  if (!REVIEW_PAGE.test(path)) return null;
  for (let el = button.parentElement; el; el = el.parentElement) if (queryFirst(el, FIELD)) return el;
  return null;
}

export default defineDetector({
  id: 'tripadvisor',
  label: 'Tripadvisor',
  // The largest sites, serving the same pages; each is one more host the extension must read.
  matches: ['com', 'co.uk', 'fr', 'de', 'es', 'it', 'ca', 'in'].map((tld) => `https://www.tripadvisor.${tld}/*`),
  testUrls: [
    'https://www.tripadvisor.com/UserReviewEdit-g255677-d26368726-Pottery_Patch-Oamaru_Otago_Region_South_Island.html',
    'https://www.tripadvisor.com/Hotel_Review-g60982-d87119-Reviews-Hotel_La_Croix_Waikiki-Honolulu_Oahu_Hawaii.html',
  ],
  // A written review of a place (lib/detectors/review-form.ts).
  ...writtenReview({
    control: SUBMIT,
    composer: (button) => reviewForm(button),
    field: FIELD,
    target: (_form, url) => reviewedPlace(url),
  }),
  // Public Selenium page objects only (2019–2021): no saved page, no recorded request.
  unconfirmed: ['review'],
  health: {
    // A place's review pages always list review cards, signed in or not; scrapers of 2023–2026 read them.
    pages: /^\/(?:Hotel|Restaurant|Attraction)_Review-g\d+-d\d+/,
    controls: [
      '[data-automation="reviewCard"]', // review card, 2023–2026 scrapers (code-search idx 48181217184, 28585832362, 62358547193)
      '[data-test-target="HR_CC_CARD"]', // older hotel review card (idx 57087534606, 54818210123)
      'div[data-reviewid]', // classic review container (idx 54818210123, 53108262188)
    ],
  },
});
