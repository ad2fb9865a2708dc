import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capture,
  fixture,
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

const REAL_FILE = 'perplexity_answer_loggedin_2026-02.html';
const real = capture(REAL_FILE);
const EN = 'https://www.perplexity.ai/search/saved-thread-Xs6pxUAfRwqwP8Wg0SsM6Q';
const FR = 'https://www.perplexity.ai/search/capitale-bretagne-Xs6pxUAfRwqwP8Wg0SsM6Q';
// The thumbs by their icon, as the detector finds them in Chromium (namespaced xlink:href; no labels).
const UP = 'button:has(use[*|href^="#pplx-icon-thumb-up"])';
const DOWN = 'button:has(use[*|href^="#pplx-icon-thumb-down"])';

if (!real) console.warn(`[perplexity.e2e] ${REAL_FILE} not found in ../shared/fixtures/captures: the English page is skipped`);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      ...(real
        ? [[/^https:\/\/www\.perplexity\.ai\/search\/saved-thread-/, htmlRoute(withEmulator(real, 'perplexity'))] as RouteEntry]
        : []),
      [
        /^https:\/\/www\.perplexity\.ai\/search\/capitale-bretagne-/,
        htmlRoute(withEmulator(fixture('perplexity/thread.fr.html'), 'perplexity')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Perplexity', () => {
  it.skipIf(!real)('counts a thumb up on the saved thread once, a switch to down replaces it, releasing nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(EN);
    await page.locator(UP).first().click();
    const popup = await openPopup(s);
    expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
      { kind: 'ai-feedback', platform: 'perplexity', detail: 'up', signal: 'dom', host: 'www.perplexity.ai' },
    ]);
    await page.locator(DOWN).first().click();
    expect(await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down')).toMatchObject([
      { kind: 'ai-feedback', platform: 'perplexity', detail: 'down' },
    ]);
    await page.locator(DOWN).first().click(); // release
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    // Another answer is another rating.
    await page.locator(UP).nth(2).click();
    expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([{ detail: 'up' }]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts the French interface the same way, one event per answer', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FR);
    await page.locator(DOWN).first().click();
    await page.locator(UP).nth(1).click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 2);
    expect(events.map((e) => `${e.platform}/${e.kind}/${e.detail}`).sort()).toEqual([
      'perplexity/ai-feedback/down',
      'perplexity/ai-feedback/up',
    ]);
    expect(new Set(events.map((e) => e.targetKey)).size).toBe(2);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover and scroll', async () => {
    await resetDb(s);
    expect(await idleVisit(s, real ? [EN, FR] : [FR])).toEqual([]);
  });
});
