import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, fixture, htmlRoute, idleVisit, launch, type RouteEntry, resetDb, type Session, withEmulator } from '../harness';
import { type Thumbs, twoAnswers, upSwitchRelease } from './thumbs';

const REAL_FILE = 'perplexity_answer_loggedin_2026-02.html';
const real = capture(REAL_FILE);
const EN = 'https://www.perplexity.ai/search/saved-thread-Xs6pxUAfRwqwP8Wg0SsM6Q';
const FR = 'https://www.perplexity.ai/search/capitale-bretagne-Xs6pxUAfRwqwP8Wg0SsM6Q';
// The thumbs by their icon, as the detector finds them in Chromium (namespaced xlink:href; no labels).
const THUMBS: Thumbs = {
  up: 'button:has(use[*|href^="#pplx-icon-thumb-up"])',
  down: 'button:has(use[*|href^="#pplx-icon-thumb-down"])',
  platform: 'perplexity',
  host: 'www.perplexity.ai',
};

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
    await upSwitchRelease(s, EN, THUMBS);
  });

  it.skipIf(!real)('counts one rating per answer of the saved thread', async () => {
    await twoAnswers(s, EN, THUMBS);
  });

  it('counts the French interface the same way, one event per answer', async () => {
    await twoAnswers(s, FR, THUMBS);
  });

  it('counts nothing on load, hover and scroll', async () => {
    await resetDb(s);
    expect(await idleVisit(s, real ? [EN, FR] : [FR])).toEqual([]);
  });
});
