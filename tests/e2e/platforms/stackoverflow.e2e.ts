import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { withoutScripts } from '../../real-trims';
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

const REAL = 'https://stackoverflow.com/questions/1732348/regex-match-open-tags-except-xhtml-self-contained-tags';
const SIGNED_IN = 'https://stackoverflow.com/questions/77000001/how-do-i-test-a-detector';
const STACKOVERFLOW = 'stackoverflow_question_loggedout_2020-12.html';
const real = realPages(STACKOVERFLOW);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      // The real 2020 page with its own scripts removed (they would load jQuery and ads from the network).
      [
        /^https:\/\/stackoverflow\.com\/questions\/1732348\//,
        lazyHtmlRoute(() => withEmulator(withoutScripts(real.read(STACKOVERFLOW)), 'stackoverflow')),
      ],
      [
        /^https:\/\/stackoverflow\.com\/questions\/77000001\//,
        htmlRoute(withEmulator(fixture('stackoverflow/question-signedin.html'), 'stackoverflow')),
      ],
      [/^https:\/\/stackoverflow\.com\/(posts|flags)\//, jsonRoute('{"Success":true}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

describe('Stack Overflow', () => {
  it('counts an upvote on the real page once (DOM and request merged); a switch to down replaces it; withdrawing nets out', {
    skip: real.skip,
  }, async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(REAL);
    const box = page.locator('.js-voting-container[data-post-id="1732454"]');
    await box.locator('.js-vote-up-btn').click();
    const popup = await openPopup(s);
    expect((await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network')).map(line)).toEqual([
      'stackoverflow/vote/up/dom+network',
    ]);
    await box.locator('.js-vote-down-btn').click();
    expect(
      (await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down' && e[0]?.signal === 'dom+network')).map(line),
    ).toEqual(['stackoverflow/vote/down/dom+network']);
    await box.locator('.js-vote-down-btn').click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts a flag once, from its request', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(SIGNED_IN);
    await page.locator('.js-flag-post-link').click();
    await page.locator('#popup-flag-post input[value="PostSpam"]').check();
    await page.locator('#popup-flag-post .js-popup-submit').click();
    await page.locator('#popup-flag-post').waitFor({ state: 'detached' });
    const popup = await openPopup(s);
    expect((await waitForEvents(popup, (e) => e.length === 1)).map(line)).toEqual(['stackoverflow/report/flag/network']);
    await settle(popup);
    expect((await storedEvents(popup)).length).toBe(1);
    await page.close();
    await popup.close();
  });

  // One page per test: the real page has hundreds of links to hover.
  for (const url of [REAL, SIGNED_IN]) {
    it(`loading, hovering and scrolling ${url === REAL ? 'the real page' : 'the signed-in page'} counts nothing`, {
      timeout: 120_000,
      skip: url === REAL && real.skip,
    }, async () => {
      await resetDb(s);
      expect(await idleVisit(s, [url])).toEqual([]);
    });
  }
});
