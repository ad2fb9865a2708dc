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

const EN = 'https://gemini.google.com/app/3f2a9c1d7e5b4a60';
const FR = 'https://gemini.google.com/app/3f2a9c1d7e5b4a61?hl=fr';
const UP = 'thumb-up-button button';
const DOWN = 'thumb-down-button button';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/gemini\.google\.com\/app\/3f2a9c1d7e5b4a60$/, htmlRoute(withEmulator(fixture('gemini/app.html'), 'gemini'))],
      [
        /^https:\/\/gemini\.google\.com\/app\/3f2a9c1d7e5b4a61\?hl=fr$/,
        htmlRoute(withEmulator(fixture('gemini/app.fr.html'), 'gemini')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Gemini', () => {
  it('counts a thumb up once, a switch to down replaces it, and releasing nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(EN);
    await page.locator(UP).first().click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1);
    expect(events).toMatchObject([
      { kind: 'ai-feedback', platform: 'gemini', detail: 'up', signal: 'dom', host: 'gemini.google.com' },
    ]);
    await page.locator(DOWN).first().click();
    expect(await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down')).toMatchObject([
      { kind: 'ai-feedback', platform: 'gemini', detail: 'down' },
    ]);
    await page.locator(DOWN).first().click(); // release
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
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
      'gemini/ai-feedback/down',
      'gemini/ai-feedback/up',
    ]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover and scroll', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [EN, FR])).toEqual([]);
  });
});
