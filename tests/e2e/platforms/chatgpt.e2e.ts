import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPages } from '../../real-pages';
import { withoutTurns } from '../../real-trims';
import {
  fixture,
  htmlRoute,
  idleVisit,
  jsonRoute,
  launch,
  lazyHtmlRoute,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  waitForEvents,
  withEmulator,
} from '../harness';

const REAL = 'https://chatgpt.com/c/67c0a1b2-1234-8000-9000-0123456789ab';
const FR = 'https://chatgpt.com/c/67c0a1b2-1234-8000-9000-0123456789fr';
const COMPARE = 'https://chatgpt.com/c/67c0a1b2-1234-8000-9000-0123456789cp';
const COMPARE_FR = 'https://chatgpt.com/c/67c0a1b2-1234-8000-9000-012345678cfr';
const UP = '[data-testid="good-response-turn-action-button"]';
const DOWN = '[data-testid="bad-response-turn-action-button"]';
const CHATGPT = 'chatgpt_conversation_2026-02-27.html';
const real = realPages(CHATGPT);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/chatgpt\.com\/c\/[\w-]+ab$/,
        lazyHtmlRoute(() => withEmulator(withoutTurns(real.read(CHATGPT), 5, 11), 'chatgpt')),
      ],
      [/^https:\/\/chatgpt\.com\/c\/[\w-]+cfr$/, htmlRoute(withEmulator(fixture('chatgpt/compare.fr.html'), 'chatgpt'))],
      [/^https:\/\/chatgpt\.com\/c\/[\w-]+fr$/, htmlRoute(withEmulator(fixture('chatgpt/conversation.fr.html'), 'chatgpt'))],
      [/^https:\/\/chatgpt\.com\/c\/[\w-]+cp$/, htmlRoute(withEmulator(fixture('chatgpt/compare.html'), 'chatgpt'))],
      [/^https:\/\/chatgpt\.com\/backend-api\//, jsonRoute()],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('ChatGPT', () => {
  it('counts a thumb up on the real page once (DOM and request merged); switching to down replaces it', {
    skip: real.skip,
  }, async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(REAL);
    await page.locator(UP).first().click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([
      { kind: 'ai-feedback', platform: 'chatgpt', detail: 'up', signal: 'dom+network', host: 'chatgpt.com' },
    ]);
    await page.locator(DOWN).first().click();
    const after = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down' && e[0]?.signal === 'dom+network');
    expect(after).toMatchObject([{ kind: 'ai-feedback', platform: 'chatgpt', detail: 'down', signal: 'dom+network' }]);
    // Two answers, two ratings: the second answer's thumb is its own event.
    await page.locator(UP).nth(1).click();
    const both = await waitForEvents(popup, (e) => e.length === 2 && e.every((x) => x.signal === 'dom+network'));
    expect(both.map((e) => e.detail).sort()).toEqual(['down', 'up']);
    expect(new Set(both.map((e) => e.targetKey)).size).toBe(2);
    // "Sites checked" tells that the choice between two answers is not confirmed on the site.
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.locator('main[data-state="ready"]').waitFor();
          return popup.getByTestId('health-details').locator('li', { hasText: 'ChatGPT' }).count();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(1);
    await popup.getByTestId('health-details').locator('summary').click();
    const line = popup.getByTestId('health-details').locator('li', { hasText: 'ChatGPT' });
    expect(await line.locator('[data-unconfirmed]').textContent()).toMatch(/unconfirmed: compare/);
    await page.close();
    await popup.close();
  });

  it('counts the French interface the same way, and releasing the thumb nets out', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FR);
    await page.locator(UP).nth(1).click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([{ kind: 'ai-feedback', platform: 'chatgpt', detail: 'up', signal: 'dom+network' }]);
    await page.locator(UP).nth(1).click(); // release
    expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    await page.close();
    await popup.close();
  });

  for (const [lang, url] of [
    ['English', COMPARE],
    ['French', COMPARE_FR],
  ] as const) {
    it(`counts the choice between two answers once, from its request (${lang} interface)`, async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      const posted = page.waitForRequest((r) => r.url().endsWith('/message_comparison_feedback') && r.method() === 'POST');
      await page.goto(url);
      await page.locator('[data-compare-choice="new"]').click();
      await posted;
      await page.locator('[data-chosen="new"]').waitFor(); // the platform took the choice
      const popup = await openPopup(s);
      const events = await waitForEvents(popup, (e) => e.length === 1);
      expect(events).toMatchObject([
        { kind: 'ai-feedback', platform: 'chatgpt', detail: 'compare', signal: 'network', host: 'chatgpt.com' },
      ]);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
      await page.close();
      await popup.close();
    });
  }

  it('counts nothing on load, hover and scroll of the hand-written page', async () => {
    await resetDb(s);
    expect(await idleVisit(s, [FR, COMPARE, COMPARE_FR])).toEqual([]);
  });

  it('counts nothing on load, hover and scroll of the real page', { skip: real.skip }, async () => {
    await resetDb(s);
    expect(await idleVisit(s, [REAL])).toEqual([]);
  });
});
