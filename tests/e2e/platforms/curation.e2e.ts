import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  type Handler,
  htmlRoute,
  idleVisit,
  launch,
  openPopup,
  type RouteEntry,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

// Curation counted as `tag` from the platforms' requests after the user's own click (hand-written
// pages: the markup is assumed, the requests are those public code names; see the fixtures' comments).
const WATCH = 'https://www.youtube.com/watch?v=CMCkjUwgqOU';
const ALBUM = 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy';
const BOOK = 'https://www.goodreads.com/book/show/5776788-sandman-slim';
const fr = (url: string) => `${url}${url.includes('?') ? '&' : '?'}hl=fr`;

function french(html: string, labels: Record<string, string>): string {
  let out = html.replace('<html lang="en"', '<html lang="fr"');
  for (const [en, f] of Object.entries(labels)) out = out.replaceAll(`>${en}<`, `>${f}<`);
  return out;
}
const page = (file: string, emulator: string, labels: Record<string, string>) => ({
  en: withEmulator(fixture(file), emulator),
  fr: withEmulator(french(fixture(file), labels), emulator),
});
const youtube = page('youtube/watch-save.html', 'youtube', { Save: 'Enregistrer', 'Watch later': 'À regarder plus tard' });
const spotify = page('spotify/add-to-playlist.html', 'spotify', {
  "Today's picks": 'Sélection du jour',
  'Road trip': 'En voiture',
});
const goodreads = page('goodreads/book-shelve.html', 'goodreads', {
  'Want to read': 'Je veux lire',
  'Currently reading': 'En cours de lecture',
  Read: 'Lu',
  'Remove from my shelf': 'Retirer de mes étagères',
});

/** Another host than the page's answers with the CORS headers its real server sends. */
const crossOrigin =
  (origin: string): Handler =>
  (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': 'authorization, content-type',
      },
      body: '{"data":{}}',
    });

let s: Session;
beforeAll(async () => {
  const esc = (u: string) => u.replace(/[.?]/g, (c) => `\\${c}`);
  const both = (url: string, p: { en: string; fr: string }): RouteEntry[] => [
    [new RegExp(`^${esc(fr(url))}$`), htmlRoute(p.fr)],
    [new RegExp(`^${esc(url)}$`), htmlRoute(p.en)],
  ];
  s = await launch({
    routes: [
      ...both(WATCH, youtube),
      ...both(ALBUM, spotify),
      ...both(BOOK, goodreads),
      [/^https:\/\/api-partner\.spotify\.com\/pathfinder\/v2\/query$/, crossOrigin('https://open.spotify.com')],
      [
        /^https:\/\/kxbwmqov6jgg3daaamb744ycu4\.appsync-api\.us-east-1\.amazonaws\.com\/graphql$/,
        crossOrigin('https://www.goodreads.com'),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const line = (e: { platform: string; kind: string; detail: string; signal: string }) =>
  `${e.platform}/${e.kind}/${e.detail}/${e.signal}`;

async function clickAndExpect(tab: Page, popup: Page, selector: string, expected: string[]) {
  await tab.bringToFront();
  await tab.locator(selector).click();
  const want = [...expected].sort().join();
  const events = await waitForEvents(popup, (e) => e.map(line).sort().join() === want);
  expect(events.map(line).sort()).toEqual([...expected].sort());
}

describe('curation (tag)', () => {
  for (const lang of ['en', 'fr'] as const) {
    const at = (url: string) => (lang === 'fr' ? fr(url) : url);

    it(`YouTube: saved to two playlists counts twice, one removal nets out (${lang})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(at(WATCH));
      const popup = await openPopup(s);
      const tag = 'youtube/tag/playlist/network';
      await tab.bringToFront();
      await tab.locator('[data-emulated-save]').click();
      await clickAndExpect(tab, popup, '[data-playlist-id="WL"]', [tag]);
      await clickAndExpect(tab, popup, '[data-playlist-id^="PL"]', [tag, tag]);
      await clickAndExpect(tab, popup, '[data-playlist-id="WL"]', [tag]);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt).map(line)).toEqual([tag]);
      await tab.close();
      await popup.close();
    });

    it(`YouTube: two playlists ticked as fast as a machine clicks (within 150 ms) both count (${lang})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(at(WATCH));
      const popup = await openPopup(s);
      await tab.bringToFront();
      // No wait between the clicks: the gesture messages of the second and third fold into one.
      await tab.locator('[data-emulated-save]').click();
      await tab.locator('[data-playlist-id="WL"]').click();
      await tab.locator('[data-playlist-id^="PL"]').click();
      const tag = 'youtube/tag/playlist/network';
      const events = await waitForEvents(popup, (e) => e.length === 2);
      expect(events.map(line)).toEqual([tag, tag]);
      expect(new Set(events.map((e) => e.targetKey)).size).toBe(2);
      await tab.close();
      await popup.close();
    });

    it(`Spotify: a track added to a playlist counts once per addition (${lang})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(at(ALBUM));
      const popup = await openPopup(s);
      const tag = 'spotify/tag/playlist/network';
      await tab.bringToFront();
      await tab.locator('[data-testid="more-button"]').click();
      await clickAndExpect(tab, popup, '[data-playlist-uri$="5ZzYbTUZ9ZmmGhfAzHX2hN"]', [tag]);
      await tab.locator('[data-testid="more-button"]').click();
      await clickAndExpect(tab, popup, '[data-playlist-uri$="37i9dQZF1DXcBWIGoYBM5M"]', [tag, tag]);
      await tab.close();
      await popup.close();
    });

    it(`Goodreads: shelved, moved to another shelf (still once), removed (nets out) (${lang})`, async () => {
      await resetDb(s);
      const tab = await s.context.newPage();
      await tab.goto(at(BOOK));
      const popup = await openPopup(s);
      const tag = 'goodreads/tag/shelf/network';
      await clickAndExpect(tab, popup, 'button.Button--wtr[data-shelf="to-read"]', [tag]);
      await tab.locator('[data-chooser]').click();
      await tab.locator('[data-shelf="read"]').click();
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt).map(line)).toEqual([tag]);
      await tab.bringToFront();
      await tab.locator('[data-chooser]').click();
      await clickAndExpect(tab, popup, '[data-unshelve]', []);
      await tab.close();
      await popup.close();
    });
  }

  it('loading, hovering and scrolling count nothing; nor does a click made by the page’s script', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [WATCH, ALBUM, BOOK, fr(BOOK)])).toEqual([]);
    for (const [url, control] of [
      [WATCH, '[data-playlist-id="WL"]'],
      [BOOK, 'button.Button--wtr[data-shelf="to-read"]'],
    ] as const) {
      const tab = await s.context.newPage();
      await tab.goto(url);
      await tab.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), control);
      await settle(tab, 800);
      await tab.close();
    }
    const popup = await openPopup(s);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await popup.close();
  });
});
