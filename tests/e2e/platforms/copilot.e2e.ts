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

// Hand-written pages after public code (no saved page of Copilot): the counts are unconfirmed.
const EN = 'https://copilot.microsoft.com/chats/qQ1eEuU2zZbB3hjC4xRXu';
const FR = 'https://copilot.microsoft.com/chats/qQ1eEuU2zZbB3hjC4xRXf';
const UP = 'button[data-testid*="-thumbs-up-"]';
const DOWN = 'button[data-testid*="-thumbs-down-"]';

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/copilot\.microsoft\.com\/chats\/qQ1eEuU2zZbB3hjC4xRXu$/,
        htmlRoute(withEmulator(fixture('copilot/chat.html'), 'copilot')),
      ],
      [
        /^https:\/\/copilot\.microsoft\.com\/chats\/qQ1eEuU2zZbB3hjC4xRXf$/,
        htmlRoute(withEmulator(fixture('copilot/chat.fr.html'), 'copilot')),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Copilot', () => {
  it('counts a thumb up once, a switch to down replaces it, and releasing nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(EN);
    await page.locator(UP).first().click();
    const popup = await openPopup(s);
    expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
      { kind: 'ai-feedback', platform: 'copilot', detail: 'up', signal: 'dom', host: 'copilot.microsoft.com' },
    ]);
    await page.locator(DOWN).first().click();
    expect(await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down')).toMatchObject([
      { kind: 'ai-feedback', platform: 'copilot', detail: 'down' },
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
      'copilot/ai-feedback/down',
      'copilot/ai-feedback/up',
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
