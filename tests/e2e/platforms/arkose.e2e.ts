import type { Page } from 'playwright-core';
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

// A site's sign-up page embedding Arkose's game core frame (hand-written pages; no saved frame exists).
const HOST = 'https://accounts.example.org';
const SESSION = '64018386bcd5ac3a3.3916971801';
const GAME = 'https://client-api.arkoselabs.com/fc/assets/ec-game-core/game-core/1.27.4/standard/index.html';
const frameUrl = (lang: string, waves: number, session = SESSION) =>
  `${GAME}?session=${session}&r=eu-west-1&meta=3&lang=${lang}&waves=${waves}&theme=default`;
const host = (src: string) => fixture('arkose/host.html').replace('src="about:blank"', `src="${src}"`);

let s: Session;
let answers = 0;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/accounts\.example\.org\/signup\?lang=en&waves=2$/, htmlRoute(host(frameUrl('en', 2)))],
      [/^https:\/\/accounts\.example\.org\/signup\?lang=fr&waves=1$/, htmlRoute(host(frameUrl('fr', 1)))],
      [/^https:\/\/accounts\.example\.org\/signup\?script$/, htmlRoute(host(frameUrl('en', 1, '9a8b7c6d5e4f3a2b1.1234567890')))],
      [/game-core\/1\.27\.4\/standard\/index\.html\?.*lang=en/, htmlRoute(withEmulator(fixture('arkose/frame.html'), 'arkose'))],
      [
        /game-core\/1\.27\.4\/standard\/index\.html\?.*lang=fr/,
        htmlRoute(withEmulator(fixture('arkose/frame.fr.html'), 'arkose')),
      ],
      [
        /^https:\/\/client-api\.arkoselabs\.com\/fc\/ca\/$/,
        (route, request) => {
          answers++;
          return jsonRoute('{"response":"answered","solved":true}')(route, request);
        },
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const game = (page: Page) => page.frameLocator('#arkose');

/** Starts the puzzle and answers `waves` waves with the mouse, as a person does. */
async function solve(page: Page, waves: number): Promise<void> {
  await game(page).locator('button[data-theme="home.verifyButton"]').click();
  for (let w = 0; w < waves; w++) {
    await game(page).locator('a.right-arrow').click();
    await game(page).locator('a.right-arrow').click();
    await game(page).locator('#game-submit').click();
  }
  await game(page).locator('#done:not([hidden])').waitFor();
}

describe('Arkose', () => {
  it('counts a puzzle answered in two waves once, under Arkose, with the embedding site as host', async () => {
    await resetDb(s);
    const before = answers;
    const page = await s.context.newPage();
    await page.goto(`${HOST}/signup?lang=en&waves=2`);
    await solve(page, 2);
    expect(answers - before).toBe(2);
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1);
    expect(events).toMatchObject([
      { kind: 'captcha', platform: 'arkose', detail: 'challenge', signal: 'network', host: 'accounts.example.org' },
    ]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts the French interface the same way', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(`${HOST}/signup?lang=fr&waves=1`);
    await expect(game(page).locator('[data-theme="home.verifyButton"]').textContent()).resolves.toBe('Commencer le puzzle');
    await solve(page, 1);
    const popup = await openPopup(s);
    expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
      { kind: 'captcha', platform: 'arkose', detail: 'challenge', host: 'accounts.example.org' },
    ]);
    await page.close();
    await popup.close();
  });

  it('loading, hovering, scrolling, and the page answering the puzzle from script count nothing', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [`${HOST}/signup?lang=en&waves=2`, `${HOST}/signup?lang=fr&waves=1`])).toEqual([]);
    const before = answers;
    const page = await s.context.newPage();
    await page.goto(`${HOST}/signup?script`);
    const frame = page.frames().find((f) => f.url().startsWith(GAME));
    await frame?.waitForSelector('button[data-theme="home.verifyButton"]');
    // A script (not the person) starts the puzzle and submits an answer: the frame posts it, nothing is counted.
    await frame?.evaluate(() => {
      (document.querySelector('button[data-theme="home.verifyButton"]') as HTMLElement).click();
      (document.getElementById('game-submit') as HTMLElement).click();
    });
    await game(page).locator('#done:not([hidden])').waitFor();
    expect(answers - before).toBe(1);
    const popup = await openPopup(s);
    await settle(popup, 2_000);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });
});
