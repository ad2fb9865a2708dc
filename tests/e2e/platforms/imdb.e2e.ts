import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  type Handler,
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

const EN = 'https://www.imdb.com/title/tt0111161/';
const FR = 'https://www.imdb.com/fr/title/tt0111161/';
const BAR = '[data-testid="hero-rating-bar__user-rating"] button';

/** IMDb's GraphQL API lives on its own host: it answers the page's CORS preflight, then the mutation. */
const graphql: Handler = (route, request) => {
  const headers = {
    'access-control-allow-origin': 'https://www.imdb.com',
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
  };
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers });
  return route.fulfill({ status: 200, contentType: 'application/json', headers, body: '{"data":{}}' });
};

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.imdb\.com\/title\/tt0111161\/$/, htmlRoute(withEmulator(fixture('imdb/title.html'), 'imdb'))],
      [/^https:\/\/www\.imdb\.com\/fr\/title\/tt0111161\/$/, htmlRoute(withEmulator(fixture('imdb/title.fr.html'), 'imdb'))],
      [/^https:\/\/api\.graphql\.imdb\.com\//, graphql],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

async function rate(page: import('playwright-core').Page, stars: number) {
  await page.locator(BAR).click();
  await page
    .locator('.ipc-starbar__rating__button')
    .nth(stars - 1)
    .click();
  await page.locator('.ipc-rating-prompt__rate-button').click();
}

describe('IMDb', () => {
  it('counts a rating once (DOM and request merged), a re-rating stays one, and removing it nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(EN);
    await rate(page, 8);
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([
      { kind: 'rating', platform: 'imdb', detail: 'stars', signal: 'dom+network', host: 'www.imdb.com' },
    ]);
    await rate(page, 9);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.locator(BAR).click();
    await page.locator('.ipc-rating-prompt__remove-rating').click();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts the French interface the same way; a dialog closed without rating counts nothing', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FR);
    await page.locator(BAR).click();
    await page.locator('.ipc-starbar__rating__button').nth(2).click();
    await page.locator('.ipc-promptable-base__close').click();
    const popup = await openPopup(s);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await rate(page, 3);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([{ kind: 'rating', platform: 'imdb', detail: 'stars', signal: 'dom+network' }]);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover and scroll', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [EN, FR])).toEqual([]);
  });
});
