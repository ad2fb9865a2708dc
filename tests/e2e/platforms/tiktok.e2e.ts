import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { withoutScriptsAndStyles } from '../../real-trims';
import {
  fixture,
  htmlRoute,
  idleVisit,
  jsonRoute,
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

const VIDEO = 'https://www.tiktok.com/@clickwork/video/7300000000000000001';
const VIDEO_FR = `${VIDEO}?lang=fr`;
// The real capture, its own scripts and styles removed (they would load TikTok's code from the network).
const REAL = 'https://www.tiktok.com/@merveilleux123/video/7135383664971582725';
const TIKTOK = 'tiktok_video_loggedin_rendered_2022-08.html';
const real = realPages(TIKTOK);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.tiktok\.com\/@clickwork\/video\/\d+\?lang=fr$/,
        htmlRoute(withEmulator(fixture('tiktok/video.fr.html'), 'tiktok')),
      ],
      [/^https:\/\/www\.tiktok\.com\/@clickwork\/video\/\d+$/, htmlRoute(withEmulator(fixture('tiktok/video.html'), 'tiktok'))],
      [
        /^https:\/\/www\.tiktok\.com\/@merveilleux123\/video\/\d+$/,
        lazyHtmlRoute(() => withoutScriptsAndStyles(real.read(TIKTOK))),
      ],
      [/^https:\/\/www\.tiktok\.com\/(api|tiktok)\//, jsonRoute('{"status_code":0}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const summary = (events: { platform: string; kind: string; detail: string; signal: string }[]) =>
  events.map((e) => `${e.platform}/${e.kind}/${e.detail}/${e.signal}`).sort();

describe('TikTok', () => {
  it('counts a like once (the button state and its request merged), and an unlike nets it out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(VIDEO);
    await page.locator('[data-e2e="like-icon"]').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(summary(events)).toEqual(['tiktok/reaction/like/dom+network']);
    await settle(popup);
    expect(summary((await storedEvents(popup)).filter((e) => !e.undoneAt))).toEqual(['tiktok/reaction/like/dom+network']);
    await page.bringToFront();
    await page.locator('[data-e2e="like-icon"]').click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts a favourite and a repost through the share menu, each once, and their undo', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(VIDEO);
    await page.locator('.ean6quk0 > button').nth(2).click();
    await page.locator('[data-e2e="share-icon"]').click();
    await page.locator('#share-menu button').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 2);
    expect(summary(events)).toEqual(['tiktok/reaction/favorite/network', 'tiktok/share/repost/network']);
    await page.bringToFront();
    await page.locator('.ean6quk0 > button').nth(2).click();
    await page.locator('[data-e2e="share-icon"]').click();
    await page.locator('#share-menu button').click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it.each([
    ['English', VIDEO],
    ['French', VIDEO_FR],
  ])('counts a comment once, the click and its request merged (%s interface)', async (_lang, url) => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(url);
    await page.locator('[data-e2e="comment-input"] [contenteditable="true"]').fill('So good');
    await page.locator('[data-e2e="comment-post"]').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(summary(events)).toEqual(['tiktok/comment/comment/dom+network']);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts nothing when the page sends a like request without any click', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(VIDEO);
    await page.evaluate(() =>
      fetch('/api/commit/item/digg/?aid=1988&aweme_id=7300000000000000001&type=1', { method: 'POST', body: '' }),
    );
    const popup = await openPopup(s);
    await settle(popup, 2_500);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('loading, hovering and scrolling the hand-written TikTok pages counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [VIDEO, VIDEO_FR])).toEqual([]);
  });

  it('loading, hovering and scrolling the real TikTok page counts nothing', { skip: real.skip }, async () => {
    await resetDb(s);
    expect(await idleVisit(s, [REAL])).toEqual([]);
  });
});
