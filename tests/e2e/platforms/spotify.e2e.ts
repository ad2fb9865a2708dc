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

const ALBUM = 'https://open.spotify.com/album/0ETFjACtuP2ADo6LFhL6HN';
const GATEWAY = /^https:\/\/api-partner\.spotify\.com\/pathfinder\/v2\/query$/;

let s: Session;
/** The gateway's operations as the page sent them, to check the emulator really made them. */
const sent: string[] = [];
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/open\.spotify\.com\/album\/0ETFjACtuP2ADo6LFhL6HN$/,
        htmlRoute(withEmulator(fixture('spotify/player.html'), 'spotify')),
      ],
      [
        GATEWAY,
        (route, request) => {
          sent.push(String(request.postDataJSON()?.operationName));
          // Another host than the page's: the answer carries the CORS headers the real gateway sends.
          return route.fulfill({
            status: 200,
            contentType: 'application/json',
            headers: { 'access-control-allow-origin': 'https://open.spotify.com', 'access-control-allow-credentials': 'true' },
            body: '{"data":{}}',
          });
        },
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Spotify', () => {
  it('counts a save from the player bar once (DOM and gateway request merged); removing it nets out', async () => {
    await resetDb(s);
    sent.length = 0;
    const page = await s.context.newPage();
    await page.goto(ALBUM);
    const bar = page.locator('[data-testid="now-playing-widget"] [data-testid="add-button"]');
    await bar.click();
    await page.locator('[data-testid="now-playing-widget"] [data-testid="add-button"][aria-checked="true"]').waitFor();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([
      { kind: 'reaction', platform: 'spotify', detail: 'save', signal: 'dom+network', host: 'open.spotify.com' },
    ]);
    expect(sent).toEqual(['addToLibrary']);

    // Saved: the same track's row now shows it saved; its button opens "Saved in", untick, Done.
    await page.bringToFront();
    await page.locator('[data-testid="tracklist-row"]').first().locator('[data-testid="add-button"]').click();
    await page.locator('#saved-in-dialog [role="checkbox"]').click();
    await page.locator('#saved-in-dialog [data-testid="done-button"]').click();
    await page.locator('[data-testid="now-playing-widget"] [data-testid="add-button"][aria-checked="false"]').waitFor();
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    expect(sent).toEqual(['addToLibrary', 'removeFromLibrary']);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover or scroll, nor for the row that renders saved', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [ALBUM])).toEqual([]);
  });
});
