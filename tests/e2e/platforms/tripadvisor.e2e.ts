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

// Tripadvisor's classic "Write a review" page at its real addresses, English (.com) and French (.fr)
// interfaces; hand-written markup after public page objects (no saved page), the page's accept and
// refuse reactions emulated (assumed: see tests/e2e/emulators/tripadvisor.js).
const FORM = 'https://www.tripadvisor.com/UserReviewEdit-g255677-d26368726-Pottery_Patch-Oamaru_Otago_Region_South_Island.html';
const FORM_FR = 'https://www.tripadvisor.fr/UserReviewEdit-g187147-d188151-Musee_d_Orsay-Paris_Ile_de_France.html';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.tripadvisor\.com\/UserReviewEdit-/,
        htmlRoute(withEmulator(fixture('tripadvisor/review.html'), 'tripadvisor')),
      ],
      [
        /^https:\/\/www\.tripadvisor\.fr\/UserReviewEdit-/,
        htmlRoute(withEmulator(fixture('tripadvisor/review.fr.html'), 'tripadvisor')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

/** After the page's reaction: nothing stored. */
async function expectNothing(page: Page) {
  await settle(page, 1_500);
  const popup = await openPopup(s);
  await settle(popup);
  expect(await storedEvents(popup)).toEqual([]);
  await page.close();
  await popup.close();
}

describe('Tripadvisor review form', () => {
  for (const [lang, url] of [
    ['English', FORM],
    ['French', FORM_FR],
  ] as const) {
    it(`counts a written review once, with its typing time, in the ${lang} interface`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await page.locator('#bubble_rating').click();
      await page.locator('#ReviewTitle').click();
      await page.keyboard.type('Lovely', { delay: 30 });
      await page.locator('#ReviewText').click();
      await page.keyboard.type('Friendly staff, quiet rooms.', { delay: 30 });
      await page.locator('#noFraud').check();
      await page.locator('#SUBMIT').click();
      await page.locator('.reviewSubmitted').waitFor();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1);
      expect(events).toMatchObject([
        { kind: 'review', platform: 'tripadvisor', detail: 'review', signal: 'dom', host: new URL(url).host },
      ]);
      expect(events[0]?.durationMs).toBeGreaterThan(0);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing when the page refuses the review (certification not ticked)', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FORM);
    await page.locator('#ReviewText').click();
    await page.keyboard.type('Refused text', { delay: 30 });
    await page.locator('#SUBMIT').click();
    await page.locator('.errorMessage').waitFor();
    await expectNothing(page);
  });

  it('counts nothing for a submit clicked by the page’s own script', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FORM);
    await page.locator('#ReviewText').click();
    await page.keyboard.type('Scripted', { delay: 30 });
    await page.locator('#noFraud').check();
    await page.evaluate(() => (document.querySelector('#SUBMIT') as HTMLElement).click());
    await page.locator('.reviewSubmitted').waitFor();
    await expectNothing(page);
  });

  it('counts nothing on load, hover or scroll of the form pages', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [FORM, FORM_FR])).toEqual([]);
  });
});
