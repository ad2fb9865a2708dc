import { writtenReview } from './review-form';
import { defineDetector } from './types';

/*
 * Booking.com: a review of a stay (`review`/`review`: an opinion written for other travellers, consumer information),
 * written on Booking's review pages after a stay.
 *
 * What public code shows: the review pages are `secure.booking.com/reviewtimeline.html` (desktop) and
 * `/reviewmanage.html` (mobile), to which hotels' own sites send their guests (a hotel widget's PHP class and a
 * Vue component choosing between the two by screen width, 2023–2025, idx 38789966637, 20174512871; a saved login
 * list names `reviewtimeline.ko.html`, idx 20649218447). Booking's own guidelines say a review has a score and
 * written comments and can be left only after a stay booked there.
 * UNCONFIRMED, seen nowhere: the form itself, its request and what the page does once Booking takes the review
 * (searches 2026-12: Booking review form markup, `secure.booking.com/review`, review submit in automation and
 * hotel tools). So the detector is structural and assumes little: on those pages only, a trusted click on a
 * form's submit button while one of the form's text areas holds text, confirmed when the form is removed or its
 * text emptied (the same rule as the other composers). Only whether the text is blank is read.
 */
const SUBMIT = [
  'form button[type="submit"]', // any form's submit button on the review pages (assumed: no markup known)
  'form input[type="submit"]', // the same as an input
] as const;

export default defineDetector({
  id: 'booking',
  label: 'Booking.com',
  // The review pages only (reviewtimeline, reviewmanage, and their localized .<lang>.html variants).
  matches: ['https://secure.booking.com/review*'],
  testUrls: ['https://secure.booking.com/reviewtimeline.html', 'https://secure.booking.com/reviewmanage.html'],
  ...writtenReview({
    control: SUBMIT,
    composer: (button) => button.closest('form'),
    field: [
      'textarea', // the written part of the review (assumed: a text area in the form)
    ],
    // No stay id is known in the form; each accepted review counts (a double submit merges within seconds).
    target: () => undefined,
  }),
  // Hand-written markup only (above).
  unconfirmed: ['review'],
  health: {
    // The review hub links to the stays waiting for a review (assumed: their links name a review page).
    pages: /^\/review(?:timeline|manage)\b/,
    controls: [
      'a[href*="review"]', // links to the stays to review (assumed)
      'form textarea', // or the form itself, if the hub opens on it (assumed)
    ],
  },
});
