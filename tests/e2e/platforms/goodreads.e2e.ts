import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { withoutReviews } from '../../real-trims';
import {
  fixture,
  htmlRoute,
  idleVisit,
  launch,
  lazyHtmlRoute,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

const REAL = 'https://www.goodreads.com/book/show/5776788-sandman-slim';
const HAND = 'https://www.goodreads.com/book/show/5776788';
const STAR = '.BookActions button.RatingStar--selectable';
const GOODREADS = 'goodreads_book_loggedout_2024-12.html';
const real = realPages(GOODREADS);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.goodreads\.com\/book\/show\/5776788-sandman-slim$/,
        lazyHtmlRoute(() => withEmulator(withoutReviews(real.read(GOODREADS)), 'goodreads')),
      ],
      [
        /^https:\/\/www\.goodreads\.com\/book\/show\/5776788$/,
        htmlRoute(withEmulator(fixture('goodreads/book.html'), 'goodreads')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Goodreads', () => {
  for (const url of [REAL, HAND]) {
    it(`counts a star rating once, and a changed rating stays one (${new URL(url).pathname})`, {
      skip: url === REAL && real.skip,
    }, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await page.locator(STAR).nth(3).click();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1);
      expect(events).toMatchObject([
        { kind: 'rating', platform: 'goodreads', detail: 'stars', signal: 'dom', host: 'www.goodreads.com' },
      ]);
      await page.locator(STAR).nth(1).click();
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing on load, hover and scroll of the hand-written page', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [HAND])).toEqual([]);
  });

  it('counts nothing on load, hover and scroll of the real page', { skip: real.skip }, async () => {
    await resetDb(s);
    expect(await idleVisit(s, [REAL])).toEqual([]);
  });
});
