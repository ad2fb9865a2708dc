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

const TITLE = 'https://www.netflix.com/title/80057281';
const TITLE_FR = 'https://www.netflix.com/fr/title/80057281';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/www\.netflix\.com\/title\/80057281$/, htmlRoute(withEmulator(fixture('netflix/title-modal.html'), 'netflix'))],
      [
        /^https:\/\/www\.netflix\.com\/fr\/title\/80057281$/,
        htmlRoute(withEmulator(fixture('netflix/title-modal.fr.html'), 'netflix')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

const rated = (page: import('playwright-core').Page, icon: string) =>
  page.locator(`[data-uia="thumbs-rate-button"] svg[data-icon="${icon}"]`).waitFor();

describe('Netflix', () => {
  it('counts a thumbs up once; a change to love replaces it; choosing love again nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(TITLE);
    await page.locator('[data-uia="thumbs-rate-button"]').click();
    await page.locator('[data-uia="thumbsUp-button"]').click();
    await rated(page, 'ThumbsUpFillStandard');
    const popup = await openPopup(s);
    let events = await waitForEvents(popup, (e) => e.length === 1);
    expect(events).toMatchObject([
      { kind: 'rating', platform: 'netflix', detail: 'thumbs-up', signal: 'dom', host: 'www.netflix.com' },
    ]);

    await page.bringToFront();
    await page.locator('[data-uia="thumbs-rate-button"]').click();
    await page.locator('[data-uia="thumbsWayUp-button"]').click();
    await rated(page, 'ThumbsUpTwoFillStandard');
    events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'love');
    expect(events).toMatchObject([{ kind: 'rating', platform: 'netflix', detail: 'love' }]);

    await page.bringToFront();
    await page.locator('[data-uia="thumbs-rate-button"]').click();
    await page.locator('[data-uia="thumbsWayUp-button"]').click();
    await rated(page, 'ThumbsUpStandard');
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('counts a thumbs down in the French interface the same way', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(TITLE_FR);
    await page.locator('[data-uia="thumbs-rate-button"]').click();
    await page.locator('[data-uia="thumbsDown-button"]').click();
    await rated(page, 'ThumbsDownFillStandard');
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1);
    expect(events).toMatchObject([{ kind: 'rating', platform: 'netflix', detail: 'thumbs-down', signal: 'dom' }]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover (which opens the menu) or scroll', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [TITLE, TITLE_FR])).toEqual([]);
  });
});
