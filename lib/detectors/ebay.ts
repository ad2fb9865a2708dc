import { closestOf } from './dom';
import { writtenReview } from './review-form';
import { defineDetector } from './types';

/*
 * eBay: feedback left for a seller or a buyer on the "Leave feedback" page (/fdbk/leave_feedback). eBay's feedback is
 * a positive / neutral / negative verdict with a required comment that eBay shows on the member's public profile, to
 * other buyers: consumer information written by the user, so `review`/`review` (the star "detailed seller ratings"
 * that go with it are part of the same form and not counted apart).
 *
 * Seen in public code, never in a saved page: the page lists one `.single-feedback-template` per transaction waiting
 * for feedback, with radios `input[name^="OVERALL_EXPERIENCE"]` (POSITIVE…), the comment as
 * `textarea[name="OVERALL_EXPERIENCE_COMMENT"]` (a purchase) or `input[name="OVERALL_EXPERIENCE_COMMENT"]` (a sale), and
 * a submit button per transaction, `button[id^="submitFeedbackBtn-"]` (geotrev/better-bay
 * dist/feedback-development.user.js 1.0.16-beta.1, a userscript for www.ebay.com/fdbk/leave_feedback; the same
 * page on ebay.co.uk in danielapathy/ebay-automatic-feedback index.js, comment boxes `.textbox__control`).
 * UNCONFIRMED: what the page does once eBay took the feedback. Assumed: it removes the transaction's form or empties
 * the comment, which is what confirms the count (as for the other composers). The request it sends was not found.
 */
const ITEM = [
  '.single-feedback-template', // one transaction waiting for feedback (better-bay userscript)
] as const;

const SUBMIT = [
  'button[id^="submitFeedbackBtn-"]', // the transaction's submit button (better-bay userscript)
] as const;

const COMMENT = [
  'textarea[name="OVERALL_EXPERIENCE_COMMENT"]', // the comment on a purchase (better-bay userscript)
  'input[name="OVERALL_EXPERIENCE_COMMENT"]', // the comment on a sale (same)
  'textarea.textbox__control', // eBay's textbox component, filled by an older script on ebay.co.uk
] as const;

/** The transaction, from the submit button's id (`submitFeedbackBtn-<id>`; what the id holds is not known). */
export function transaction(item: Element): string | undefined {
  const id = item.querySelector(SUBMIT[0])?.id.slice('submitFeedbackBtn-'.length) ?? '';
  return /^[\w-]{1,80}$/.test(id) ? id : undefined;
}

const SITES = ['www.ebay.com', 'www.ebay.co.uk', 'www.ebay.de', 'www.ebay.fr', 'www.ebay.it', 'www.ebay.es', 'www.ebay.ca'];

export default defineDetector({
  id: 'ebay',
  label: 'eBay',
  // The feedback pages only (/fdbk/), on eBay's main sites.
  matches: SITES.map((site) => `https://${site}/fdbk/*`),
  testUrls: ['https://www.ebay.com/fdbk/leave_feedback'],
  ...writtenReview({
    control: SUBMIT,
    composer: (button) => closestOf(button, ITEM),
    field: COMMENT,
    target: (item) => transaction(item),
  }),
  // Public code only (above), no saved page of the feedback form.
  unconfirmed: ['review'],
  health: {
    pages: /^\/fdbk\/leave_feedback/,
    controls: [...ITEM, ...SUBMIT],
  },
});
