// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import booking from '@/lib/detectors/booking';
import { queryFirst } from '@/lib/detectors/dom';
import { matchesAny } from '@/lib/match-pattern';
import { reviewFormTests, stripLabelText } from './review-form';

// Hand-written pages (tests/fixtures/booking): the form is assumed, only the page's address is known.
const PAGE = 'https://secure.booking.com/reviewtimeline.html?stay=1';
const form = (doc: Document) => doc.getElementById('review-form') as HTMLFormElement;
const liked = (doc: Document) => form(doc).querySelector('textarea[name="positive"]') as HTMLTextAreaElement;

describe('booking detector', () => {
  reviewFormTests({
    detector: booking,
    // No stay id is known in the form: a review counts without a target.
    pages: [
      ['review.html', PAGE, undefined],
      ['review.fr.html', PAGE, undefined],
    ],
    submit: (doc) => form(doc).querySelector('button[type="submit"]') as Element,
    form,
    field: liked,
    write: (doc, text = 'Quiet room.') => {
      liked(doc).value = text;
    },
    // Booking removes the form (assumed).
    accept: (doc) => form(doc).remove(),
    timed: false,
    // The self-check's pages and controls.
    check: (doc) => {
      expect(booking.health.pages.test('/reviewtimeline.html')).toBe(true);
      expect(booking.health.pages.test('/reviewmanage.fr.html')).toBe(true);
      expect(queryFirst(doc, booking.health.controls)).not.toBeNull();
    },
    unlabel: stripLabelText,
  });

  it('runs on Booking.com’s review pages only', () => {
    expect(matchesAny(booking.matches, 'https://secure.booking.com/reviewtimeline.fr.html')).toBe(true);
    expect(matchesAny(booking.matches, 'https://secure.booking.com/myreservations.html')).toBe(false);
    expect(matchesAny(booking.matches, 'https://www.booking.com/hotel/fr/made-up.html')).toBe(false);
  });
});
