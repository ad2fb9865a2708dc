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

const SHREDDIT = 'https://www.reddit.com/r/test/comments/1abcde/a_test_post/';
const SHREDDIT_FR = 'https://www.reddit.com/r/test/comments/1abcde/a_test_post/?lang=fr';
const OLD = 'https://old.reddit.com/r/test/comments/1abcde/a_test_post/';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.reddit\.com\/r\/test\/comments\/1abcde\/a_test_post\/\?lang=fr$/,
        htmlRoute(withEmulator(fixture('reddit/shreddit-post.fr.html'), 'reddit')),
      ],
      [
        /^https:\/\/www\.reddit\.com\/r\/test\/comments\/1abcde\/a_test_post\/$/,
        htmlRoute(withEmulator(fixture('reddit/shreddit-post.html'), 'reddit')),
      ],
      [
        /^https:\/\/old\.reddit\.com\/r\/test\/comments\/1abcde\/a_test_post\/$/,
        htmlRoute(withEmulator(fixture('reddit/old-comments.html'), 'reddit')),
      ],
      [/^https:\/\/www\.reddit\.com\/svc\/shreddit\//, jsonRoute('{"data":{}}')],
      [/^https:\/\/old\.reddit\.com\/api\//, jsonRoute()],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

describe('Reddit (shreddit)', () => {
  for (const url of [SHREDDIT, SHREDDIT_FR]) {
    it(`counts a post upvote once (DOM and request merged), a switch to down replaces it, undo nets out (${url.endsWith('fr') ? 'fr' : 'en'})`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      const up = page.locator('shreddit-post button[upvote]');
      const down = page.locator('shreddit-post button[downvote]');
      await up.click();
      const popup = await openPopup(s);
      expect((await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network')).map(line)).toEqual([
        'reddit/vote/up/dom+network',
      ]);
      await down.click();
      expect(
        (await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down' && e[0]?.signal === 'dom+network')).map(
          line,
        ),
      ).toEqual(['reddit/vote/down/dom+network']);
      await down.click(); // withdraw
      expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
      await page.close();
      await popup.close();
    });
  }

  it('counts a comment upvote on the comment and a submitted comment, each once', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(SHREDDIT);
    await page.locator('shreddit-comment-action-row button[upvote]').click();
    await page.locator('shreddit-composer [contenteditable]').fill('Nice post');
    await page.locator('shreddit-composer button[slot="submit-button"]').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 2 && e.every((x) => x.signal === 'dom+network'));
    expect(events.map(line).sort()).toEqual(['reddit/comment/comment/dom+network', 'reddit/vote/up/dom+network']);
    await page.close();
    await popup.close();
  });
});

describe('Reddit (old.reddit)', () => {
  it('counts arrows on a link and a comment, the comment form and a report, each once', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(OLD);
    await page.locator('.thing[data-fullname="t3_1abcde"] > .midcol > .arrow.up').click();
    await page.locator('.thing[data-fullname="t1_def456"] > .midcol > .arrow.down').click();
    await page.locator('form.usertext textarea').fill('Agreed');
    await page.locator('form.usertext button.save').click();
    await page.locator('.thing[data-fullname="t1_def456"] .reportbtn').click();
    await page.locator('.reportform input[value="spam"]').check();
    await page.locator('.reportform button[type="submit"]').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 4 && e.filter((x) => x.signal === 'dom+network').length === 3);
    expect(events.map(line).sort()).toEqual([
      'reddit/comment/comment/dom+network',
      'reddit/report/report/network',
      'reddit/vote/down/dom+network',
      'reddit/vote/up/dom+network',
    ]);
    // Withdrawing the comment's downvote leaves the link's upvote, the comment and the report.
    await page.locator('.thing[data-fullname="t1_def456"] > .midcol > .arrow.downmod').click();
    expect((await waitForEvents(popup, (e) => e.length === 3)).map(line).sort()).toEqual([
      'reddit/comment/comment/dom+network',
      'reddit/report/report/network',
      'reddit/vote/up/dom+network',
    ]);
    await page.close();
    await popup.close();
  });
});

describe('Reddit: nothing without an action', () => {
  it('loading, hovering and scrolling every fixture page counts nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [SHREDDIT, SHREDDIT_FR, OLD])).toEqual([]);
  });
});
