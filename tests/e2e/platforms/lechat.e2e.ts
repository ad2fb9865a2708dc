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
  withEmulator,
} from '../harness';
import { type Thumbs, twoAnswers, upSwitchRelease } from './thumbs';

// Hand-written pages (no saved page of Le Chat exists), served at a conversation's address.
const EN = 'https://chat.mistral.ai/chat/0b7c9a52-3e1f-4d2a-b6c8-9f0e1d2c3b4a';
const FR = 'https://chat.mistral.ai/chat/7d6e5f40-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
// The thumbs by their icon, as the detector finds them (no labels).
const THUMBS: Thumbs = {
  up: 'button:has(svg.lucide-thumbs-up)',
  down: 'button:has(svg.lucide-thumbs-down)',
  platform: 'lechat',
  host: 'chat.mistral.ai',
};

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/chat\.mistral\.ai\/chat\/0b7c9a52-/, htmlRoute(withEmulator(fixture('lechat/chat.html'), 'lechat'))],
      [/^https:\/\/chat\.mistral\.ai\/chat\/7d6e5f40-/, htmlRoute(withEmulator(fixture('lechat/chat.fr.html'), 'lechat'))],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Le Chat', () => {
  it('counts a thumb up once, a switch to down replaces it, releasing nets out', async () => {
    await upSwitchRelease(s, EN, THUMBS);
  });

  it('counts the French interface the same way, one event per answer', async () => {
    await twoAnswers(s, FR, THUMBS);
  });

  it('counts nothing on load, hover and scroll, nor when the page clicks a thumb from script', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [EN, FR])).toEqual([]);
    const page = await s.context.newPage();
    await page.goto(EN);
    // A page script's click presses the thumb (the emulator reacts): not the user's gesture.
    await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), THUMBS.up);
    await page.locator(`${THUMBS.up}[aria-pressed="true"]`).waitFor();
    const popup = await openPopup(s);
    await settle(popup, 2_000);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });
});
