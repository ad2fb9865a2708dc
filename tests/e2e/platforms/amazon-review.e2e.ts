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

// Amazon's in-context review form at its real address, English (.com) and French (.fr) interfaces;
// hand-written markup (no saved page found), the accept and refuse reactions emulated.
const FORM = 'https://www.amazon.com/review/create-review?encoding=UTF8&asin=B0BBPNPZTC';
const FORM_FR = 'https://www.amazon.fr/review/create-review?encoding=UTF&asin=B0BBPNPZTC';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.amazon\.com\/review\/create-review\?/,
        htmlRoute(withEmulator(fixture('amazon/create-review.html'), 'amazon')),
      ],
      [
        /^https:\/\/www\.amazon\.fr\/review\/create-review\?/,
        htmlRoute(withEmulator(fixture('amazon/create-review.fr.html'), 'amazon')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Amazon review form', () => {
  for (const [lang, url] of [
    ['English', FORM],
    ['French', FORM_FR],
  ] as const) {
    it(`counts a written review and its stars once each, in the ${lang} interface`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await page.locator('.in-context-ryp__form-field--starRating [role="radio"]').nth(3).click();
      await page.locator('#reviewTitle').click();
      await page.keyboard.type('Good', { delay: 30 });
      await page.locator('#reviewText').click();
      await page.keyboard.type('Works as described, sturdy.', { delay: 30 });
      await page.locator('.ryp-submit-button-desktop input[type="submit"]').click();
      await page.locator('[data-testid="in-context-ryp__thankyou-text"]').waitFor();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 2);
      const byKind = Object.fromEntries(events.map((e) => [e.kind, e]));
      expect(events).toHaveLength(2);
      expect(byKind.review).toMatchObject({ platform: 'amazon', detail: 'review', signal: 'dom', host: new URL(url).host });
      expect(byKind.review?.durationMs).toBeGreaterThan(0);
      expect(byKind.rating).toMatchObject({ platform: 'amazon', detail: 'stars', signal: 'dom' });
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing when Amazon refuses the submission', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FORM);
    await page.evaluate(() => document.documentElement.setAttribute('data-emulate-refusal', ''));
    await page.locator('.in-context-ryp__form-field--starRating [role="radio"]').nth(4).click();
    await page.locator('#reviewText').click();
    await page.keyboard.type('Refused text', { delay: 30 });
    await page.locator('.ryp-submit-button-desktop input[type="submit"]').click();
    await page.locator('[data-hook="ryp-error-page-text"]').waitFor();
    await settle(page, 1_500);
    const popup = await openPopup(s);
    await settle(popup);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover or scroll of the form pages', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [FORM, FORM_FR])).toEqual([]);
  });
});
