import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capture,
  fixture,
  htmlRoute,
  idleVisit,
  jsonRoute,
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

const REAL_FILE = 'claude_conversation_loggedin_2026-02.html';
const real = capture(REAL_FILE);
const EN = 'https://claude.ai/chat/5b2f0c8e-1d2a-4f63-9a7e-0c1d2e3f4a5b';
const FR = 'https://claude.ai/chat/5b2f0c8e-1d2a-4f63-9a7e-0c1d2e3f4a5f';
// By position in an answer's action bar, as the detector's self-check finds them (no labels).
const UP = 'div:has(> button[data-testid="action-bar-copy"]) + div > button:not([aria-haspopup])';
const DOWN = 'div:has(> button[data-testid="action-bar-copy"]) + div + div > button:not([aria-haspopup])';
const FEEDBACK = /\/chat_messages\/[\w-]+\/chat_feedback$/;

if (!real) console.warn(`[claude.e2e] ${REAL_FILE} not found in ../shared/fixtures/captures: the English page is skipped`);

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      ...(real ? [[/^https:\/\/claude\.ai\/chat\/[\w-]+b$/, htmlRoute(withEmulator(real, 'claude'))] as RouteEntry] : []),
      [/^https:\/\/claude\.ai\/chat\/[\w-]+f$/, htmlRoute(withEmulator(fixture('claude/conversation.fr.html'), 'claude'))],
      [/^https:\/\/claude\.ai\/api\//, jsonRoute()],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('Claude', () => {
  it.skipIf(!real)(
    'counts a thumb up on the saved page once, from its request; a thumb down with a reason replaces it',
    async () => {
      await resetDb(s);
      const page = await s.context.newPage();
      await page.goto(EN);
      const up = page.waitForRequest((r) => FEEDBACK.test(r.url()) && r.method() === 'POST');
      await page.locator(UP).first().click();
      await up;
      const popup = await openPopup(s);
      expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
        { kind: 'ai-feedback', platform: 'claude', detail: 'up', signal: 'network', host: 'claude.ai' },
      ]);
      // The thumb down asks for a reason; the rating is sent (as an update) once one is chosen.
      await page.locator(DOWN).first().click();
      const put = page.waitForRequest((r) => FEEDBACK.test(r.url()) && r.method() === 'PUT');
      await page.locator('[role="menu"] [role="menuitem"]').first().click();
      await put;
      expect(await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down')).toMatchObject([
        { kind: 'ai-feedback', platform: 'claude', detail: 'down', signal: 'network' },
      ]);
      // Another answer is another rating.
      await page.locator(UP).nth(1).click();
      const both = await waitForEvents(popup, (e) => e.length === 2);
      expect(both.map((e) => e.detail).sort()).toEqual(['down', 'up']);
      expect(new Set(both.map((e) => e.targetKey)).size).toBe(2);
      await settle(popup);
      expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
      await page.close();
      await popup.close();
    },
  );

  it('counts the French interface the same way, once per click', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(FR);
    await page.locator(DOWN).nth(1).click();
    const posted = page.waitForRequest((r) => FEEDBACK.test(r.url()) && r.method() === 'POST');
    await page.locator('[role="menu"] [role="menuitem"]').nth(1).click();
    await posted;
    const popup = await openPopup(s);
    expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
      { kind: 'ai-feedback', platform: 'claude', detail: 'down', signal: 'network' },
    ]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    await page.close();
    await popup.close();
  });

  it('counts nothing on load, hover and scroll', async () => {
    await resetDb(s);
    expect(await idleVisit(s, real ? [EN, FR] : [FR])).toEqual([]);
  });
});
