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

// A pin page at its real address on the .com (English) and .fr (French) sites; hand-written markup,
// the save request sent by the emulator as the web app sends it.
const PIN = 'https://www.pinterest.com/pin/2040762326044567/';
const PIN_FR = 'https://www.pinterest.fr/pin/2040762326044567/';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.pinterest\.com\/pin\/\d+\/$/, htmlRoute(withEmulator(fixture('pinterest/pin.html'), 'pinterest'))],
      [/^https:\/\/www\.pinterest\.fr\/pin\/\d+\/$/, htmlRoute(withEmulator(fixture('pinterest/pin.fr.html'), 'pinterest'))],
      [/^https:\/\/www\.pinterest\.(com|fr)\/resource\//, jsonRoute('{"resource_response":{"status":"success"}}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Pinterest', () => {
  for (const [lang, url] of [
    ['English', PIN],
    ['French', PIN_FR],
  ] as const) {
    it(`counts saving a pin to a board once, as tag/save from its request, in the ${lang} interface`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(url);
      await page.locator('[data-test-id="PinBetterSaveButton"] [role="button"]').click();
      await page.locator('[data-test-id="saved-button"]').waitFor();
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1);
      expect(events).toMatchObject([
        { kind: 'tag', platform: 'pinterest', detail: 'save', signal: 'network', host: new URL(url).host },
      ]);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing when the page sends the save request without a click', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(PIN);
    await page.evaluate(() =>
      fetch('/resource/RepinResource/create/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          source_url: '/pin/2040762326044567/',
          data: JSON.stringify({ options: { pin_id: '2040762326044567', board_id: '549755885175' }, context: {} }),
        }).toString(),
      }),
    );
    await settle(page, 1_500);
    const popup = await openPopup(s);
    await settle(popup);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover or scroll of the pin pages', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [PIN, PIN_FR])).toEqual([]);
  });
});
