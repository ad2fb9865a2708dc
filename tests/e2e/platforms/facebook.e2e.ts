import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  htmlRoute,
  idleVisit,
  jsonRoute,
  launch,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

const FEED = 'https://www.facebook.com/';
const FEED_FR = 'https://www.facebook.com/?locale=fr_FR';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.facebook\.com\/\?locale=fr_FR$/, htmlRoute(withEmulator(fixture('facebook/feed.fr.html'), 'facebook'))],
      [/^https:\/\/www\.facebook\.com\/$/, htmlRoute(withEmulator(fixture('facebook/feed.html'), 'facebook'))],
      [/^https:\/\/www\.facebook\.com\/api\/graphql\/$/, jsonRoute('{"data":{}}')],
      [/^https:\/\/www\.facebook\.com\/ajax\/photo_tagging_ajax\.php(\?.*)?$/, jsonRoute('for (;;);{"__ar":1,"payload":null}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const summary = (events: { platform: string; kind: string; detail: string; signal: string }[]) =>
  events.map((e) => `${e.platform}/${e.kind}/${e.detail}/${e.signal}`).sort();
const likeButton = '.toolbar > [role="button"] >> nth=0';

describe('Facebook', () => {
  it('counts a like once, and clearing it nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FEED);
    await page.locator(likeButton).click();
    const popup = await openPopup(s);
    expect(summary(await waitForEvents(popup, (e) => e.length === 1))).toEqual(['facebook/reaction/like/network']);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.bringToFront();
    await page.locator(likeButton).click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts the French interface the same way: a Love from the picker replaces a Like, one reaction left', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FEED_FR);
    await page.locator(likeButton).click();
    await page.locator(likeButton).hover();
    await page.locator('#reactions [data-reaction="1678524932434102"]').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'love');
    expect(summary(events)).toEqual(['facebook/reaction/love/network']);
    // The like was counted, then replaced: it stays only as an undone row.
    expect((await storedEvents(popup)).filter((e) => e.detail === 'like' && e.undoneAt)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts a comment sent with Enter and a "Share now", each once', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FEED);
    const box = page.locator('[role="textbox"][contenteditable="true"]');
    await box.click();
    await box.pressSequentially('Amazing');
    await box.press('Enter');
    await page.locator('.toolbar > [role="button"]').nth(2).click();
    await page.locator('#share-now').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 2);
    expect(summary(events)).toEqual(['facebook/comment/comment/network', 'facebook/share/share/network']);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
    await page.close();
    await popup.close();
  });

  it.each([
    ['English', FEED],
    ['French', FEED_FR],
  ])('counts a person tagged in a photo once, in the %s interface', async (_lang, url) => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(url);
    await page.locator('a[href*="/photo/?fbid="]').click();
    await page.locator('#tagger [role="option"]').click();
    const popup = await openPopup(s);
    expect(summary(await waitForEvents(popup, (e) => e.length === 1))).toEqual(['facebook/tag/tag/network']);
    await settle(popup);
    const stored = (await storedEvents(popup)).filter((e) => !e.undoneAt);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.targetKey).toBeTruthy();
    expect(JSON.stringify(stored)).not.toMatch(/100000000000042|A Friend/);
    await page.close();
    await popup.close();
  });

  it('counts nothing when a script, not the user, tags a person in the photo', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FEED);
    await page.evaluate(() => {
      (document.querySelector('a[href*="/photo/?fbid="]') as HTMLElement).click();
      (document.querySelector('#tagger [role="option"]') as HTMLElement).click();
    });
    const popup = await openPopup(s);
    await settle(popup, 2_500);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts nothing when the page sends a reaction request on open, without any click', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FEED);
    await page.evaluate(() =>
      fetch('/api/graphql/', {
        method: 'POST',
        body: new URLSearchParams({
          fb_api_req_friendly_name: 'CometUFIFeedbackReactMutation',
          variables: JSON.stringify({
            input: { feedback_id: btoa('feedback:10160000000000001'), feedback_reaction_id: '1635855486666999' },
          }),
        }),
      }),
    );
    const popup = await openPopup(s);
    await settle(popup, 2_500);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('loading, hovering and scrolling every Facebook fixture page counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [FEED, FEED_FR])).toEqual([]);
  });
});
