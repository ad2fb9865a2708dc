// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { runDetector } from '@/lib/content/runtime';
import { closestOf } from '@/lib/detectors/dom';
import goodreads, { bookId } from '@/lib/detectors/goodreads';
import type { ContentMessage } from '@/lib/messages';
import { realPages } from '../real-pages';
import { withoutReviews } from '../real-trims';
import { collect, fakeHost, fixture, loadPage, tick, trustedClick } from './helpers';

const BOOK = 'https://www.goodreads.com/book/show/5776788-sandman-slim';
const toggle = goodreads.toggles[0];
const CAPTURE = 'goodreads_book_loggedout_2024-12.html';
const real = realPages(CAPTURE);
/** The real page without its scripts, community reviews and footer; its stars unchanged. */
const realBook = () => withoutReviews(real.read(CAPTURE));

const stars = (doc: Document) => [...doc.querySelectorAll('.BookActions button.RatingStar--selectable')] as HTMLElement[];

/**
 * What Goodreads' own script is assumed to do once a rating is saved: draw the fill path of the
 * first `n` stars (the way its read-only stars are drawn), or none when the rating is cleared.
 */
function showRating(doc: Document, n: number) {
  const group = doc.querySelector('.BookActions .RatingStars--selectable') as Element;
  const shape = group.querySelector('defs path')?.getAttribute('d') ?? 'M0 0';
  group.querySelectorAll('path.RatingStar__fill--selectable').forEach((p, i) => {
    if (i < n) p.setAttribute('d', shape);
    else p.removeAttribute('d');
  });
}

const sightings = (sent: ContentMessage[]) => sent.map((m) => m.type === 'sighting' && `${m.action}:${m.op}:${m.target}`);

describe('goodreads detector', () => {
  let host = fakeHost();
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
  });

  it('reads book ids from book pages', () => {
    expect(bookId(new URL(BOOK))).toBe('5776788');
    expect(bookId(new URL('https://www.goodreads.com/en/book/show/5776788'))).toBe('5776788');
    expect(bookId(new URL('https://www.goodreads.com/review/list/1'))).toBeUndefined();
  });

  it.skipIf(real.skip)('finds the selectable stars of the real 2024-12 page, unrated', () => {
    const doc = loadPage(realBook(), BOOK);
    const all = doc.querySelectorAll('button.RatingStar--selectable');
    expect(all.length).toBe(15); // book actions, mobile book actions, the write-a-review box: 5 each
    for (const group of doc.querySelectorAll('.RatingStars--selectable')) expect(toggle.state(group)).toBeNull();
    const first = stars(doc)[0] as HTMLElement;
    expect(closestOf(first.querySelector('svg') as Element, toggle.control)).toBe(first);
    expect(closestOf(first, toggle.scope)?.getAttribute('role')).toBe('group');
    // The read-only stars of review cards are drawn the same way but are not controls.
    const readOnly = doc.querySelector('.RatingStars__small .RatingStar--small') as Element;
    expect(closestOf(readOnly, toggle.control)).toBeNull();
  });

  it('reads the rated state of the hand-written rated page', () => {
    const doc = loadPage(fixture('goodreads/book-rated.html'), BOOK);
    expect(toggle.state(doc.querySelector('.RatingStars--selectable') as Element)).toBe('stars');
  });

  for (const [file, html, skip] of [
    [CAPTURE, realBook, real.skip],
    ['book.html', () => fixture('goodreads/book.html'), false],
  ] as const) {
    it.skipIf(skip)(`counts a rating, not a change of rating, and nets out its clearing, in ${file}`, async () => {
      const doc = loadPage(html(), BOOK);
      const sent: ContentMessage[] = [];
      runDetector(goodreads, host, collect(sent));
      trustedClick((stars(doc)[3] as HTMLElement).querySelector('svg') as Element);
      showRating(doc, 4);
      await tick();
      trustedClick(stars(doc)[4] as HTMLElement);
      showRating(doc, 5);
      await tick();
      trustedClick(stars(doc)[4] as HTMLElement);
      showRating(doc, 0);
      await tick();
      expect(sightings(sent)).toEqual(['stars:add:5776788', 'stars:undo:5776788']);
    });
  }

  it.skipIf(real.skip)('does not depend on label text: the same with every aria-label and text removed', async () => {
    const doc = loadPage(realBook(), BOOK);
    for (const el of doc.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
    for (const el of doc.querySelectorAll('.Text')) el.textContent = '';
    const sent: ContentMessage[] = [];
    runDetector(goodreads, host, collect(sent));
    trustedClick(stars(doc)[1] as HTMLElement);
    showRating(doc, 2);
    await tick();
    expect(sightings(sent)).toEqual(['stars:add:5776788']);
  });

  it('counts nothing for untrusted clicks, a page that loads rated, or a click the page refuses', async () => {
    const doc = loadPage(fixture('goodreads/book.html'), BOOK);
    const sent: ContentMessage[] = [];
    runDetector(goodreads, host, collect(sent));
    (stars(doc)[2] as HTMLElement).click(); // synthetic
    showRating(doc, 3);
    await tick();
    showRating(doc, 0);
    await tick();
    trustedClick(stars(doc)[2] as HTMLElement); // signed out: Goodreads opens its sign-in prompt instead
    await tick(50);
    trustedClick(doc.querySelector('.Button--wtr') as Element);
    await tick();
    expect(sent).toEqual([]);
  });
});
