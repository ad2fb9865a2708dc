import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { inStatusPage, X_ARTICLE } from '../../real-trims';
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
  URLS,
  waitForEvents,
  withEmulator,
} from '../harness';

const COMMENTS = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=comments';
const X_REPLY = 'https://x.com/TestUser123/status/1981398750557065646?replies=1';
// The same page with X's real article (2025-10) as the focal post and the reply.
const X_REPLY_REAL = 'https://x.com/TestUser123/status/1981398750557065646?replies=real';
const real = realPages(X_ARTICLE);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ&lc=comments$/,
        htmlRoute(withEmulator(fixture('youtube/watch-comments.html'), 'youtube')),
      ],
      [
        /^https:\/\/x\.com\/TestUser123\/status\/\d+\?replies=1$/,
        htmlRoute(withEmulator(fixture('x/status-with-reply.html'), 'x')),
      ],
      [
        /^https:\/\/x\.com\/TestUser123\/status\/\d+\?replies=real$/,
        lazyHtmlRoute(() => withEmulator(inStatusPage(fixture('x/status-with-reply.html'), real.read(X_ARTICLE)), 'x')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

describe('YouTube comments and reports', () => {
  it('counts a comment like once (DOM and request merged), a switch to dislike replaces it, undo nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(COMMENTS);
    const like = page.locator('ytd-comment-engagement-bar #like-button button');
    const dislike = page.locator('ytd-comment-engagement-bar #dislike-button button');
    await like.click();
    const popup = await openPopup(s);
    expect((await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network')).map(line)).toEqual([
      'youtube/reaction/like/dom+network',
    ]);
    await dislike.click();
    expect(
      (await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'dislike' && e[0]?.signal === 'dom+network')).map(
        line,
      ),
    ).toEqual(['youtube/reaction/dislike/dom+network']);
    await dislike.click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts a report once, at its submit, not when the form opens', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(COMMENTS);
    await page.locator('#action-menu button').click();
    await page.locator('#report-item').click();
    await page.locator('yt-report-form-modal-renderer').waitFor();
    const popup = await openPopup(s);
    await settle(popup);
    expect(await storedEvents(popup)).toEqual([]); // flag/get_form only opened the form
    await page.bringToFront();
    await page.locator('tp-yt-paper-radio-button').click();
    await page.locator('yt-report-form-modal-renderer #submit button').click();
    expect((await waitForEvents(popup, (e) => e.length === 1)).map(line)).toEqual(['youtube/report/report/network']);
    await page.close();
    await popup.close();
  });
});

describe('X replies', () => {
  for (const [what, url] of [
    ['hand-written article', X_REPLY],
    ['real article', X_REPLY_REAL],
  ] as const) {
    it(`counts a like on a reply once, under the reply, beside a like on the focal post (${what})`, {
      skip: url === X_REPLY_REAL && real.skip,
    }, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      const articles = page.locator('article[data-testid="tweet"]');
      await articles.nth(1).locator('[data-testid="like"]').click();
      const popup = await openPopup(s);
      const [reply] = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
      expect(reply && line(reply)).toBe('x/reaction/like/dom+network');
      await page.bringToFront();
      await articles.nth(0).locator('[data-testid="like"]').click();
      const both = await waitForEvents(popup, (e) => e.length === 2 && e.every((x) => x.signal === 'dom+network'));
      expect(both.map(line)).toEqual(['x/reaction/like/dom+network', 'x/reaction/like/dom+network']);
      expect(new Set(both.map((e) => e.targetKey)).size).toBe(2);
      // Unliking the reply leaves the focal post's like.
      await page.bringToFront();
      await articles.nth(1).locator('[data-testid="unlike"]').click();
      const left = await waitForEvents(popup, (e) => e.length === 1);
      expect(left).toHaveLength(1);
      expect(left[0]?.targetKey).not.toBe(reply?.targetKey);
      await page.close();
      await popup.close();
    });
  }
});

describe('nothing without an action', () => {
  it('loading, hovering and scrolling the new fixture pages counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [COMMENTS, X_REPLY, URLS.x])).toEqual([]);
  });
});
