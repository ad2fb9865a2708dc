import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { withoutScripts } from '../../real-trims';
import {
  fixture,
  type Handler,
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
} from '../harness';

/**
 * Issue 11, item 4: Goodreads' classic review editor submits as a page load. Goodreads' reaction is
 * emulated by its server: the POST page load is answered with the next page (as Goodreads redirects
 * to the book after saving), and the deletion form of the real signed-in page (2021-01) is answered
 * the same way.
 */
const EDIT = 'https://www.goodreads.com/review/edit/12813630';
const EDIT_FR = 'https://www.goodreads.com/review/edit/12813630?hl=fr';
const SIGNED_IN = 'goodreads_book_signedin_rated_2021-01.html';
const BOOK = 'https://www.goodreads.com/book/show/12813630-the-coldest-girl-in-coldtown';
const real = realPages(SIGNED_IN);

/** The platform's server: what was posted is remembered (to check the test's own page load happened). */
const posted: { url: string; method: string }[] = [];
const server =
  (body: string): Handler =>
  (route, request) => {
    posted.push({ url: request.url(), method: request.method() });
    return htmlRoute(body)(route, request);
  };
const saved = '<!doctype html><html><body><p class="saved">Saved.</p></body></html>';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.goodreads\.com\/review\/edit\/12813630\?hl=fr$/, htmlRoute(fixture('goodreads/review-edit.fr.html'))],
      [/^https:\/\/www\.goodreads\.com\/review\/edit\/12813630$/, htmlRoute(fixture('goodreads/review-edit.html'))],
      [/^https:\/\/www\.goodreads\.com\/review\/(update|destroy)\//, server(saved)],
      [/^https:\/\/www\.goodreads\.com\/search/, htmlRoute(saved)],
      [/^https:\/\/www\.goodreads\.com\/book\/show\/12813630-/, lazyHtmlRoute(() => withoutScripts(real.read(SIGNED_IN)))],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

async function writeReview(url: string, how: 'click' | 'enter' | 'script') {
  const page = await s.context.newPage();
  await page.goto(url);
  await page.locator('#review_review_usertext').fill('Made-up words about a made-up book.');
  const loaded = page.waitForURL(/\/review\/update\//);
  if (how === 'click') await page.locator('input[type="submit"][name="next"]').click();
  if (how === 'enter') await page.locator('input[type="submit"][name="next"]').press('Enter');
  if (how === 'script')
    await page.evaluate(() => (document.querySelector('#form_review_1001') as HTMLFormElement).requestSubmit());
  await loaded;
  await page.locator('.saved').waitFor();
  return page;
}

describe('Goodreads review form (a page load)', () => {
  it('counts a review posted by clicking the submit button, once', async () => {
    await resetDb(s);
    const page = await writeReview(EDIT, 'click');
    const popup = await openPopup(s);
    expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
      { platform: 'goodreads', kind: 'review', detail: 'review', signal: 'network', host: 'www.goodreads.com' },
    ]);
    await settle(popup);
    expect(await storedEvents(popup)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts a review submitted with Enter on the French page', async () => {
    await resetDb(s);
    const page = await writeReview(EDIT_FR, 'enter');
    const popup = await openPopup(s);
    expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([{ kind: 'review', detail: 'review' }]);
    await page.close();
    await popup.close();
  });

  it('counts nothing when the page’s script submits the form (no trusted submit)', async () => {
    await resetDb(s);
    posted.length = 0;
    const page = await writeReview(EDIT, 'script');
    expect(posted.filter((p) => p.method === 'POST' && p.url.includes('/review/update/'))).toHaveLength(1);
    const popup = await openPopup(s);
    await settle(popup);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('nets the review out when the book is removed from the shelves by the real page’s form', { skip: real.skip }, async () => {
    await resetDb(s);
    const page = await writeReview(EDIT, 'click');
    const popup = await openPopup(s);
    await waitForEvents(popup, (e) => e.length === 1);
    await page.goto(BOOK);
    const loaded = page.waitForURL(/\/review\/destroy\//);
    // The real form's button is drawn by the page's style sheet; here it is made clickable.
    await page
      .locator('button.wtrUnshelve')
      .evaluate((b) => Object.assign((b as HTMLElement).style, { display: 'block', width: '20px', height: '20px' }));
    await page.locator('button.wtrUnshelve').click();
    await loaded;
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover and scroll of the editor and the signed-in book page', async () => {
    await resetDb(s);
    expect(await idleVisit(s, real.skip ? [EDIT, EDIT_FR] : [EDIT, EDIT_FR, BOOK])).toEqual([]);
  });
});
