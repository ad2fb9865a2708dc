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

const POST = 'https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001/';
const POST_FR = `${POST}?lipi=fr`;

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.linkedin\.com\/feed\/update\/[^?]+\?lipi=fr$/,
        htmlRoute(withEmulator(fixture('linkedin/feed.fr.html'), 'linkedin')),
      ],
      [/^https:\/\/www\.linkedin\.com\/feed\/update\/[^?]+$/, htmlRoute(withEmulator(fixture('linkedin/feed.html'), 'linkedin'))],
      [/^https:\/\/www\.linkedin\.com\/(flagship-web|voyager)\//, jsonRoute()],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const summary = (events: { platform: string; kind: string; detail: string; signal: string }[]) =>
  events.map((e) => `${e.platform}/${e.kind}/${e.detail}/${e.signal}`).sort();

describe('LinkedIn', () => {
  it('counts a like once; switching to Celebrate (PRAISE) replaces it; removing it nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(POST);
    await page.locator('.react-button__trigger').click();
    const popup = await openPopup(s);
    expect(summary(await waitForEvents(popup, (e) => e.length === 1))).toEqual(['linkedin/reaction/like/network']);
    await page.bringToFront();
    await page.locator('.react-button__trigger').hover();
    await page.locator('.reactions-menu__reaction[data-type="PRAISE"]').click();
    expect(summary(await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'praise'))).toEqual([
      'linkedin/reaction/praise/network',
    ]);
    const all = await storedEvents(popup);
    expect(all.filter((e) => e.detail === 'like' && e.undoneAt)).toHaveLength(1);
    await page.bringToFront();
    await page.locator('.react-button__trigger').click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it.each([
    ['English', POST],
    ['French', POST_FR],
  ])('counts a comment once, the click and its request merged, and an instant repost once (%s interface)', async (_lang, url) => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(url);
    await page.locator('.ql-editor').fill('Well said');
    await page.locator('button[class*="comments-comment-box__submit-button"]').click();
    await page.locator('.social-reshare-button').click();
    await page.locator('.instant-repost').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 2 && e.some((x) => x.signal === 'dom+network'));
    expect(summary(events)).toEqual(['linkedin/comment/comment/dom+network', 'linkedin/share/repost/network']);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
    await page.close();
    await popup.close();
  });

  it('counts nothing when the page sends a reaction request without any click', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(POST);
    await page.evaluate(() =>
      fetch('/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.reactions.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          requestId: 'com.linkedin.sdui.reactions.create',
          serverRequest: {
            requestedArguments: {
              payload: {
                threadUrn: { threadUrnActivityThreadUrn: { activityUrn: { activityId: '7000000000000000001' } } },
                reactionType: 'ReactionType_LIKE',
              },
            },
          },
        }),
      }),
    );
    const popup = await openPopup(s);
    await settle(popup, 2_500);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('loading, hovering and scrolling every LinkedIn fixture page counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [POST, POST_FR])).toEqual([]);
  });
});
