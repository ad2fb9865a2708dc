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

// eBay's "Leave feedback" page at its real address, English (.com) and French (.fr) interfaces; hand-written markup
// (no saved page found), eBay's acceptance emulated.
const EN = 'https://www.ebay.com/fdbk/leave_feedback';
const FR = 'https://www.ebay.fr/fdbk/leave_feedback';
const ITEM = '.single-feedback-template';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.ebay\.com\/fdbk\/leave_feedback/, htmlRoute(withEmulator(fixture('ebay/leave.html'), 'ebay'))],
      [/^https:\/\/www\.ebay\.fr\/fdbk\/leave_feedback/, htmlRoute(withEmulator(fixture('ebay/leave.fr.html'), 'ebay'))],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

/** Picks the verdict, types a comment and submits the n-th transaction's feedback, as a person does. */
async function leave(page: Page, n: number, comment: string): Promise<void> {
  const item = page.locator(ITEM).nth(n);
  await item.locator('input[value="POSITIVE"]').click();
  await item.locator('[name="OVERALL_EXPERIENCE_COMMENT"]').click();
  if (comment) await page.keyboard.type(comment, { delay: 30 });
  await item.locator('button[id^="submitFeedbackBtn-"]').click();
}

describe('eBay feedback', () => {
  for (const [lang, url] of [
    ['English', EN],
    ['French', FR],
  ] as const) {
    it(`counts feedback left for a seller and for a buyer, one review each, in the ${lang} interface`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await leave(page, 0, 'Item as described, quick post.');
      await page.locator('.feedback-left').waitFor();
      await leave(page, 0, 'Quick payment.'); // the buyer's form, now first
      await page.locator('.feedback-left').nth(1).waitFor();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 2);
      expect(events.map((e) => `${e.platform}/${e.kind}/${e.detail}/${e.signal}/${e.host}`)).toEqual(
        Array(2).fill(`ebay/review/review/dom/${new URL(url).host}`),
      );
      expect(events.every((e) => (e.durationMs ?? 0) > 0)).toBe(true);
      expect(new Set(events.map((e) => e.targetKey)).size).toBe(2);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing when eBay refuses the form (no comment), on load, hover, scroll, or a script’s submit', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [EN, FR])).toEqual([]);
    const page = await s.context.newPage();
    await page.goto(EN);
    await leave(page, 0, ''); // refused: the form stays
    await settle(page, 1_000);
    expect(await page.locator(ITEM).count()).toBe(2);
    // A page script fills in and submits the buyer's feedback: eBay takes it, and it is not the person's.
    await page.evaluate(() => {
      const item = document.querySelectorAll('.single-feedback-template')[1] as Element;
      (item.querySelector('input[value="POSITIVE"]') as HTMLInputElement).click();
      (item.querySelector('[name="OVERALL_EXPERIENCE_COMMENT"]') as HTMLInputElement).value = 'Scripted.';
      (item.querySelector('button[id^="submitFeedbackBtn-"]') as HTMLElement).click();
    });
    await page.locator('.feedback-left').waitFor();
    const popup = await openPopup(s);
    await settle(popup, 2_000);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });
});
