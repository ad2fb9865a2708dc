// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import tripadvisor, { reviewedPlace } from '@/lib/detectors/tripadvisor';
import { reviewFormTests, typeKeys } from './review-form';

// The classic "Write a review" form (hand-written fixtures after public page objects: no saved page).
const FORM = 'https://www.tripadvisor.com/UserReviewEdit-g255677-d26368726-Pottery_Patch-Oamaru_Otago_Region_South_Island.html';
const FORM_FR = 'https://www.tripadvisor.fr/UserReviewEdit-g187147-d188151-Musee_d_Orsay-Paris_Ile_de_France.html';

describe('tripadvisor review', () => {
  it('reads the place from the form address only', () => {
    expect(reviewedPlace(new URL(FORM))).toBe('location/26368726');
    expect(reviewedPlace(new URL('https://www.tripadvisor.com/UserReviewEdit-g255677'))).toBeUndefined();
    expect(reviewedPlace(new URL('https://www.tripadvisor.com/Hotel_Review-g1-d2-Reviews.html'))).toBeUndefined();
  });

  reviewFormTests({
    detector: tripadvisor,
    pages: [
      ['review.html', FORM, 'location/26368726'],
      ['review.fr.html', FORM_FR, 'location/188151'],
    ],
    submit: (doc) => doc.querySelector('#SUBMIT') as Element,
    form: (doc) => doc.getElementById('REVIEW_FORM') as Element,
    field: (doc) => doc.querySelector('#ReviewText') as Element,
    // The user's part: type a text (keystrokes 20 ms apart).
    write: (doc, text = 'Lovely studio, friendly people.') => {
      const area = doc.querySelector('#ReviewText') as HTMLTextAreaElement;
      return typeKeys(area, (ch) => (area.value += ch), text);
    },
    // Accepted, as assumed: the page replaces the form with its thank-you on the same page.
    accept: (doc) => doc.querySelector('#REVIEW_FORM')?.replaceWith(doc.createElement('div')),
    timed: true,
    elsewhere: 'https://www.tripadvisor.com/ShowForum-g1-i2.html',
    unlabel: (doc) => {
      for (const el of doc.querySelectorAll('label, .labelHeader, #SUBMIT')) el.textContent = '';
    },
  });
});
