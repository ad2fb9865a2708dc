import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { firstPosts } from '../../real-trims';
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

// The real feed capture (two posts, their markup unchanged) and a French post page.
const HOME = 'https://www.instagram.com/';
const POST_FR = 'https://www.instagram.com/p/DH_ux4pSlV0/?hl=fr';
const INSTAGRAM = 'instagram_home_feed_loggedin_2025-04.html';
const real = realPages(INSTAGRAM);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.instagram\.com\/$/, lazyHtmlRoute(() => withEmulator(firstPosts(real.read(INSTAGRAM), 2), 'instagram'))],
      [
        /^https:\/\/www\.instagram\.com\/p\/[\w-]+\/\?hl=fr$/,
        htmlRoute(withEmulator(fixture('instagram/post.fr.html'), 'instagram')),
      ],
      [/^https:\/\/www\.instagram\.com\/(graphql\/query|api\/graphql|api\/v1\/)/, jsonRoute('{"status":"ok"}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const summary = (events: { platform: string; kind: string; detail: string; signal: string }[]) =>
  events.map((e) => `${e.platform}/${e.kind}/${e.detail}/${e.signal}`).sort();

describe('Instagram', () => {
  it('counts a like and a save on the real feed markup, each once, and their undo nets out', { skip: real.skip }, async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(HOME);
    const bar = page.locator('article').first().locator('section').first();
    const like = bar.locator('svg').nth(0);
    const save = bar.locator('svg').nth(3);
    await like.click();
    await save.click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 2);
    expect(summary(events)).toEqual(['instagram/reaction/like/network', 'instagram/reaction/save/network']);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
    await page.bringToFront();
    await like.click();
    await save.click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await page.close();
    await popup.close();
  });

  for (const [what, url] of [
    ['the real feed', HOME],
    ['a French post page', POST_FR],
  ] as const) {
    it(`counts a comment once on ${what}, the click and its request merged`, { skip: url === HOME && real.skip }, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await page.locator('form[method="POST"] textarea').first().fill('Beautiful');
      await page.locator('form[method="POST"] [data-post]').click();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
      expect(summary(events)).toEqual(['instagram/comment/comment/dom+network']);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing when the page sends a like mutation without any click', { skip: real.skip }, async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(HOME);
    await page.evaluate(() =>
      fetch('/graphql/query', {
        method: 'POST',
        body: new URLSearchParams({
          fb_api_req_friendly_name: 'usePolarisLikeMediaLikeMutation',
          variables: JSON.stringify({ media_id: '3600000000000000001' }),
        }),
      }),
    );
    const popup = await openPopup(s);
    await settle(popup, 2_500);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('loading, hovering and scrolling the hand-written Instagram page counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [POST_FR])).toEqual([]);
  });

  it('loading, hovering and scrolling the real Instagram feed counts nothing', { skip: real.skip }, async () => {
    await resetDb(s);
    expect(await idleVisit(s, [HOME])).toEqual([]);
  });
});
