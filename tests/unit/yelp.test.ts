// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import yelp, { reviewedBusiness } from '@/lib/detectors/yelp';
import { reviewFormTests, typeKeys } from './review-form';

// The "Write a review" page (hand-written fixtures after one public bot's positions: no saved page).
const FORM = 'https://www.yelp.com/writeareview/biz/-e4TSbHSikunICO8i8wr4Q?return_url=%2Fbiz%2F-e4TSbHSikunICO8i8wr4Q';
const FORM_FR = 'https://www.yelp.fr/writeareview/biz/gPGARc74U7rdWSL0Lf5yzA';

describe('yelp review', () => {
  it('reads the business from the form address only', () => {
    expect(reviewedBusiness(new URL(FORM))).toBe('biz/-e4TSbHSikunICO8i8wr4Q');
    expect(reviewedBusiness(new URL('https://www.yelp.com/writeareview/biz/waves-pest-control-bradenton-6'))).toBe(
      'biz/waves-pest-control-bradenton-6',
    );
    expect(reviewedBusiness(new URL('https://www.yelp.com/biz/wunderbar-san-mateo-2'))).toBeUndefined();
    expect(reviewedBusiness(new URL('https://www.yelp.com/writeareview/newbiz'))).toBeUndefined();
  });

  reviewFormTests({
    detector: yelp,
    pages: [
      ['write-review.html', FORM, 'biz/-e4TSbHSikunICO8i8wr4Q'],
      ['write-review.fr.html', FORM_FR, 'biz/gPGARc74U7rdWSL0Lf5yzA'],
    ],
    submit: (doc) => doc.querySelector('form button[type="submit"]') as Element,
    form: (doc) => doc.querySelector('form.war-form') as Element,
    field: (doc) => doc.querySelector('[contenteditable="true"]') as Element,
    // The user's part: pick a star, type a text into the editor (keystrokes 20 ms apart).
    write: (doc, text = 'Great tacos, friendly staff.') => {
      (doc.querySelectorAll('fieldset input')[3] as HTMLInputElement).checked = true;
      const editor = doc.querySelector('[contenteditable="true"]') as HTMLElement;
      const p = editor.querySelector('p') as HTMLElement;
      return typeKeys(editor, (ch) => (p.textContent = (p.textContent ?? '') + ch), text);
    },
    // Accepted, as assumed: the page moves on to the business page in place, the form gone.
    accept: (doc) => doc.querySelector('form')?.remove(),
    timed: true,
    elsewhere: 'https://www.yelp.com/biz/wunderbar-san-mateo-2',
    unlabel: (doc) => {
      for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
      for (const el of doc.querySelectorAll('h1, legend, button')) el.textContent = '';
    },
  });
});
