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

const FILM = 'https://letterboxd.com/film/a-made-up-film/';
const FILM_FR = 'https://letterboxd.com/film/a-made-up-film/?lang=fr';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/letterboxd\.com\/film\/a-made-up-film\/\?lang=fr$/,
        htmlRoute(withEmulator(fixture('letterboxd/film.fr.html'), 'letterboxd')),
      ],
      [
        /^https:\/\/letterboxd\.com\/film\/a-made-up-film\/$/,
        htmlRoute(withEmulator(fixture('letterboxd/film.html'), 'letterboxd')),
      ],
      [/^https:\/\/letterboxd\.com\/s\/save-diary-entry/, jsonRoute('{"result":true}')],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

async function review(url: string, text: string) {
  const page = await s.context.newPage();
  await page.goto(url);
  await page.locator('[data-open-dialog]').click();
  await page.locator('#frm-review').fill(text);
  await page.locator('[data-save]').click();
  await page.locator('.reviewed-mark').waitFor();
  return page;
}

describe('Letterboxd', () => {
  for (const url of [FILM, FILM_FR]) {
    it(`counts a written review once, from its request; saving it again edits the same review (${new URL(url).search || 'en'})`, async () => {
      await resetDb(s);
      const page = await review(url, 'Made-up words about a made-up film.');
      const popup = await openPopup(s);
      expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
        { platform: 'letterboxd', kind: 'review', detail: 'review', signal: 'network', host: 'letterboxd.com' },
      ]);
      await page.locator('[data-open-dialog]').click();
      await page.locator('[data-save]').click();
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing for a diary entry without text', async () => {
    await resetDb(s);
    const page = await review(FILM, '   ');
    const popup = await openPopup(s);
    await settle(popup);
    expect(await storedEvents(popup)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover and scroll of the film page', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [FILM, FILM_FR])).toEqual([]);
  });
});
