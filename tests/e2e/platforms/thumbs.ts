import { expect } from 'vitest';
import { openPopup, resetDb, type Session, settle, storedEvents, waitForEvents } from '../harness';

/** An assistant's thumbs on a page: their selectors, and what the events should say. */
export interface Thumbs {
  up: string;
  down: string;
  platform: string;
  host: string;
}

/** Thumb up on the first answer counts once, a switch to down replaces it, releasing it nets out. */
export async function upSwitchRelease(s: Session, url: string, t: Thumbs): Promise<void> {
  await resetDb(s);
  const page = await s.context.newPage();
  await page.goto(url);
  await page.locator(t.up).first().click();
  const popup = await openPopup(s);
  expect(await waitForEvents(popup, (e) => e.length === 1)).toMatchObject([
    { kind: 'ai-feedback', platform: t.platform, detail: 'up', signal: 'dom', host: t.host },
  ]);
  await page.locator(t.down).first().click();
  expect(await waitForEvents(popup, (e) => e.length === 1 && e[0]?.detail === 'down')).toMatchObject([
    { kind: 'ai-feedback', platform: t.platform, detail: 'down' },
  ]);
  await page.locator(t.down).first().click(); // release
  expect(await waitForEvents(popup, (e) => e.length === 0)).toEqual([]);
  await settle(popup);
  expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
  await page.close();
  await popup.close();
}

/** Down on the first answer and up on the second: two events, one per answer. */
export async function twoAnswers(s: Session, url: string, t: Thumbs): Promise<void> {
  await resetDb(s);
  const page = await s.context.newPage();
  await page.goto(url);
  await page.locator(t.down).first().click();
  await page.locator(t.up).nth(1).click();
  const popup = await openPopup(s);
  const events = await waitForEvents(popup, (e) => e.length === 2);
  expect(events.map((e) => `${e.platform}/${e.kind}/${e.detail}`).sort()).toEqual([
    `${t.platform}/ai-feedback/down`,
    `${t.platform}/ai-feedback/up`,
  ]);
  expect(new Set(events.map((e) => e.targetKey)).size).toBe(2);
  await settle(popup);
  expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(2);
  await page.close();
  await popup.close();
}
