import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { withoutScripts } from '../../real-trims';
import {
  fixture,
  htmlRoute,
  idleVisit,
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

// Signed-in review lists at their real addresses (English and French marketplaces), and the real
// signed-out capture without its scripts (they would fetch Amazon's bundles from the network).
const SIGNED_IN = 'https://www.amazon.com/product-reviews/B0BBPNPZTC';
const SIGNED_IN_FR = 'https://www.amazon.fr/product-reviews/B0BBPNPZTC';
const CAPTURE = 'https://www.amazon.com/Dawn-Ultra-Dishwashing-Liquid-Original/product-reviews/B0BBPNPZTC';
const AMAZON = 'amazon_product_reviews_loggedout_2024-07.html';
const real = realPages(AMAZON);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.amazon\.com\/product-reviews\/B0BBPNPZTC$/,
        htmlRoute(withEmulator(fixture('amazon/reviews-signed-in.html'), 'amazon')),
      ],
      [
        /^https:\/\/www\.amazon\.fr\/product-reviews\/B0BBPNPZTC$/,
        htmlRoute(withEmulator(fixture('amazon/reviews-signed-in.fr.html'), 'amazon')),
      ],
      [
        /^https:\/\/www\.amazon\.com\/Dawn-Ultra-Dishwashing-Liquid-Original\/product-reviews\/B0BBPNPZTC$/,
        lazyHtmlRoute(() => withoutScripts(real.read(AMAZON))),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Amazon', () => {
  for (const [lang, url] of [
    ['English', SIGNED_IN],
    ['French', SIGNED_IN_FR],
  ] as const) {
    it(`counts a Helpful vote once, as vote/helpful, in the ${lang} interface`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      const widget = page.locator('#RIY0N097PYR7K [data-hook="review-voting-widget"]');
      await widget.locator('[data-hook="vote-helpful-button"]').click();
      await widget.locator('[data-hook="vote-success-message"]:not(.aok-hidden)').waitFor();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1);
      expect(events).toMatchObject([
        { kind: 'vote', platform: 'amazon', detail: 'helpful', signal: 'dom', host: new URL(url).host },
      ]);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing on load, hover or scroll of the hand-written pages', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [SIGNED_IN, SIGNED_IN_FR])).toEqual([]);
  });

  it('counts nothing on load, hover or scroll of the real signed-out capture', { skip: real.skip }, async () => {
    await resetDb(s);
    expect(await idleVisit(s, [CAPTURE])).toEqual([]);
  });
});
