import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, htmlRoute, idleVisit, launch, resetDb, type Session, withEmulator } from '../harness';
import { type Thumbs, twoAnswers, upSwitchRelease } from './thumbs';

// Hand-written pages after public code (no saved page of Copilot): the counts are unconfirmed.
const EN = 'https://copilot.microsoft.com/chats/qQ1eEuU2zZbB3hjC4xRXu';
const FR = 'https://copilot.microsoft.com/chats/qQ1eEuU2zZbB3hjC4xRXf';
const THUMBS: Thumbs = {
  up: 'button[data-testid*="-thumbs-up-"]',
  down: 'button[data-testid*="-thumbs-down-"]',
  platform: 'copilot',
  host: 'copilot.microsoft.com',
};

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/copilot\.microsoft\.com\/chats\/\w+u$/, htmlRoute(withEmulator(fixture('copilot/chat.html'), 'copilot'))],
      [/^https:\/\/copilot\.microsoft\.com\/chats\/\w+f$/, htmlRoute(withEmulator(fixture('copilot/chat.fr.html'), 'copilot'))],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Copilot', () => {
  it('counts a thumb up once, a switch to down replaces it, and releasing nets out', async () => {
    await upSwitchRelease(s, EN, THUMBS);
  });

  it('counts the French interface the same way, one event per answer', async () => {
    await twoAnswers(s, FR, THUMBS);
  });

  it('counts nothing on load, hover and scroll', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [EN, FR])).toEqual([]);
  });
});
