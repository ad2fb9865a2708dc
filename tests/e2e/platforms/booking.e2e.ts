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

// Booking.com's review page at its real address, English and French (.fr.html) interfaces; hand-written markup
// (no saved page or public markup found), Booking's acceptance emulated.
const EN = 'https://secure.booking.com/reviewtimeline.html?stay=1';
const FR = 'https://secure.booking.com/reviewtimeline.fr.html?stay=1';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/secure\.booking\.com\/reviewtimeline\.html/,
        htmlRoute(withEmulator(fixture('booking/review.html'), 'booking')),
      ],
      [
        /^https:\/\/secure\.booking\.com\/reviewtimeline\.fr\.html/,
        htmlRoute(withEmulator(fixture('booking/review.fr.html'), 'booking')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

/** Scores the stay, types what the guest liked, and submits, as a person does. */
async function review(page: Page, text: string): Promise<void> {
  await page.locator('input[name="score"][value="8"]').click();
  await page.locator('textarea[name="positive"]').click();
  if (text) await page.keyboard.type(text, { delay: 30 });
  await page.locator('#review-form button[type="submit"]').click();
}

describe('Booking.com review', () => {
  for (const [lang, url] of [
    ['English', EN],
    ['French', FR],
  ] as const) {
    it(`counts a review of a stay once, with its typing time, in the ${lang} interface`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await review(page, 'Quiet room, kind staff.');
      await page.locator('.review-thanks').waitFor();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1);
      expect(events).toMatchObject([
        { kind: 'review', platform: 'booking', detail: 'review', signal: 'dom', host: 'secure.booking.com' },
      ]);
      expect(events[0]?.durationMs).toBeGreaterThan(0);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing for a refused form (no text), on load, hover, scroll, or a script’s submit', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [EN, FR])).toEqual([]);
    const page = await s.context.newPage();
    await page.goto(EN);
    await review(page, ''); // refused: the form stays
    await settle(page, 1_000);
    expect(await page.locator('#review-form').count()).toBe(1);
    // A page script writes and submits a review: Booking takes it, and it is not the person's.
    await page.evaluate(() => {
      (document.querySelector('textarea[name="positive"]') as HTMLTextAreaElement).value = 'Scripted.';
      (document.querySelector('#review-form button[type="submit"]') as HTMLElement).click();
    });
    await page.locator('.review-thanks').waitFor();
    const popup = await openPopup(s);
    await settle(popup, 2_000);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });
});
