import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  htmlRoute,
  idleVisit,
  launch,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

// Yelp's "Write a review" page at its real addresses, English (.com) and French (.fr) interfaces;
// hand-written markup after one public bot's positions (no saved page), the page's accept and refuse
// reactions emulated (assumed: see tests/e2e/emulators/yelp.js).
const FORM = 'https://www.yelp.com/writeareview/biz/-e4TSbHSikunICO8i8wr4Q?return_url=%2Fbiz%2F-e4TSbHSikunICO8i8wr4Q';
const FORM_FR = 'https://www.yelp.fr/writeareview/biz/gPGARc74U7rdWSL0Lf5yzA';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.yelp\.com\/writeareview\/biz\//, htmlRoute(withEmulator(fixture('yelp/write-review.html'), 'yelp'))],
      [/^https:\/\/www\.yelp\.fr\/writeareview\/biz\//, htmlRoute(withEmulator(fixture('yelp/write-review.fr.html'), 'yelp'))],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

/** The user's part: a text typed into the editor, a star if asked for. */
async function write(page: Page, text: string, star = true) {
  if (star) await page.locator('fieldset input').nth(3).check();
  await page.locator('[contenteditable="true"]').click();
  await page.keyboard.type(text, { delay: 30 });
}

/** After the page's reaction: nothing stored. */
async function expectNothing(page: Page) {
  await settle(page, 1_500);
  const popup = await openPopup(s);
  await settle(popup);
  expect(await storedEvents(popup)).toEqual([]);
  await page.close();
  await popup.close();
}

describe('Yelp review form', () => {
  for (const [lang, url] of [
    ['English', FORM],
    ['French', FORM_FR],
  ] as const) {
    it(`counts a written review once, with its typing time, in the ${lang} interface`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await write(page, 'Great tacos, friendly staff.');
      await page.locator('form button[type="submit"]').click();
      await page.locator('.war-done').waitFor();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1);
      expect(events).toMatchObject([
        { kind: 'review', platform: 'yelp', detail: 'review', signal: 'dom', host: new URL(url).host },
      ]);
      expect(events[0]?.durationMs).toBeGreaterThan(0);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts a second review of the same business as the same review (Yelp keeps one, updated)', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    for (const text of ['First visit: great tacos.', 'Second visit: still great.']) {
      await page.goto(FORM);
      await write(page, text);
      await page.locator('form button[type="submit"]').click();
      await page.locator('.war-done').waitFor();
      await settle(page, 1_000);
    }
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1);
    await settle(popup);
    expect(events).toMatchObject([{ kind: 'review', platform: 'yelp', detail: 'review' }]);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts nothing when the page refuses the review (no star chosen)', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FORM);
    await write(page, 'Refused text', false);
    await page.locator('form button[type="submit"]').click();
    await page.locator('[role="alert"]').waitFor();
    await expectNothing(page);
  });

  it('counts nothing for a submit clicked by the page’s own script', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FORM);
    await write(page, 'Scripted');
    await page.evaluate(() => (document.querySelector('form button[type="submit"]') as HTMLElement).click());
    await page.locator('.war-done').waitFor();
    await expectNothing(page);
  });

  it('counts nothing on load, hover or scroll of the form pages', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [FORM, FORM_FR])).toEqual([]);
  });
});
