// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import tripadvisor, { reviewedPlace } from '@/lib/detectors/tripadvisor';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

// The classic "Write a review" form (hand-written fixtures after public page objects: no saved page).
const FORM = 'https://www.tripadvisor.com/UserReviewEdit-g255677-d26368726-Pottery_Patch-Oamaru_Otago_Region_South_Island.html';
const FORM_FR = 'https://www.tripadvisor.fr/UserReviewEdit-g187147-d188151-Musee_d_Orsay-Paris_Ile_de_France.html';
const review = tripadvisor.submits[0];

function key(target: Element) {
  const e = new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
}

/** The user's part: type a text (keystrokes 20 ms apart). */
async function type(doc: Document, text = 'Lovely studio, friendly people.') {
  const area = doc.querySelector('#ReviewText') as HTMLTextAreaElement;
  for (const ch of text) {
    key(area);
    area.value += ch;
    await tick(2);
  }
}
const submitButton = (doc: Document) => doc.querySelector('#SUBMIT') as Element;
/** Accepted, as assumed: the page replaces the form with its thank-you on the same page. */
const accept = (doc: Document) => doc.querySelector('#REVIEW_FORM')?.replaceWith(doc.createElement('div'));
const summary = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('tripadvisor review', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads the place from the form address only', () => {
    expect(reviewedPlace(new URL(FORM))).toBe('location/26368726');
    expect(reviewedPlace(new URL('https://www.tripadvisor.com/UserReviewEdit-g255677'))).toBeUndefined();
    expect(reviewedPlace(new URL('https://www.tripadvisor.com/Hotel_Review-g1-d2-Reviews.html'))).toBeUndefined();
  });

  it('finds the submit and the form around the text on the review page, and nowhere else', () => {
    const doc = loadPage(fixture('tripadvisor/review.html'), FORM);
    const button = submitButton(doc);
    expect(closestOf(button, review.control)).toBe(button);
    expect(review.composer(button)?.id).toBe('REVIEW_FORM');
    const other = loadPage(fixture('tripadvisor/review.html'), 'https://www.tripadvisor.com/ShowForum-g1-i2.html');
    expect(review.composer(submitButton(other))).toBeNull();
  });

  for (const [file, url, target] of [
    ['review.html', FORM, 'location/26368726'],
    ['review.fr.html', FORM_FR, 'location/188151'],
  ] as const) {
    it(`counts one review with its typing time once the form goes, in ${file}`, async () => {
      const doc = loadPage(fixture(`tripadvisor/${file}`), url);
      const sent: ContentMessage[] = [];
      runDetector(tripadvisor, host, collect(sent));
      await type(doc);
      trustedClick(submitButton(doc));
      await tick(50);
      expect(sent).toEqual([]); // the click alone counts nothing
      accept(doc);
      await tick(400);
      expect(summary(sent)).toEqual([`review:add:${target}`]);
      expect(sent[0]).toMatchObject({ platform: 'tripadvisor' });
      expect((sent[0] as { durationMs?: number }).durationMs).toBeGreaterThan(0);
    });
  }

  it('counts nothing for a submit without text, or one the page refuses (the text stays)', async () => {
    const doc = loadPage(fixture('tripadvisor/review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(tripadvisor, host, collect(sent));
    trustedClick(submitButton(doc));
    accept(doc);
    await tick(400);
    const doc2 = loadPage(fixture('tripadvisor/review.html'), FORM);
    runDetector(tripadvisor, host, collect(sent));
    await type(doc2, 'Refused');
    trustedClick(submitButton(doc2));
    await tick(600);
    expect(sent).toEqual([]);
  });

  it('counts nothing for a submit clicked by a script', async () => {
    const doc = loadPage(fixture('tripadvisor/review.html'), FORM);
    const sent: ContentMessage[] = [];
    runDetector(tripadvisor, host, collect(sent));
    await type(doc);
    (submitButton(doc) as HTMLElement).click();
    accept(doc);
    await tick(400);
    expect(summary(sent)).toEqual([]);
  });

  it('does not depend on label text', async () => {
    const doc = loadPage(fixture('tripadvisor/review.fr.html'), FORM_FR);
    for (const el of doc.querySelectorAll('label, .labelHeader, #SUBMIT')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(tripadvisor, host, collect(sent));
    await type(doc);
    trustedClick(submitButton(doc));
    accept(doc);
    await tick(400);
    expect(summary(sent)).toEqual(['review:add:location/188151']);
  });
});
