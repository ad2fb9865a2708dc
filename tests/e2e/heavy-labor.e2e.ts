import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type SeedEvent, type Session, seedEvents } from './harness';

/**
 * The heavy, data-producing labor of issue 11 — reviews, star ratings, tags and curation, moderation,
 * AI preference choices — as a person would see it after a week of it: every kind counted, named
 * and valued in the popup and the dashboard. Screenshots: test-results/heavy-*.png (looked at by a
 * person); the README's heavy-*.png come from a realistic week (tests/screenshots/readme.shots.ts).
 */
const DAY = 86_400_000;
const at = (daysAgo: number, hour: number) => {
  const d = new Date(Date.now() - daysAgo * DAY);
  d.setHours(hour, 15, 0, 0);
  return Math.min(d.getTime(), Date.now() - 60_000);
};
const n = (count: number, e: Omit<SeedEvent, 'ts'>, hour = 20): SeedEvent[] =>
  Array.from({ length: count }, (_, i) => ({ ...e, ts: at(i % 6, hour + (i % 3)) }));

const WEEK: SeedEvent[] = [
  ...n(2, { kind: 'review', platform: 'amazon', detail: 'review', durationMs: 6 * 60_000 }),
  ...n(1, { kind: 'review', platform: 'steam', detail: 'review', durationMs: 9 * 60_000 }),
  ...n(2, { kind: 'rating', platform: 'amazon', detail: 'stars' }),
  ...n(3, { kind: 'tag', platform: 'pinterest', detail: 'save' }),
  ...n(2, { kind: 'tag', platform: 'goodreads', detail: 'shelf' }),
  ...n(2, { kind: 'tag', platform: 'youtube', detail: 'playlist' }),
  ...n(4, { kind: 'moderation', platform: 'reddit', detail: 'approve' }, 9),
  ...n(3, { kind: 'moderation', platform: 'stackoverflow', detail: 'review-task' }, 9),
  ...n(2, { kind: 'moderation', platform: 'x', detail: 'note-rating' }),
  ...n(2, { kind: 'ai-feedback', platform: 'chatgpt', detail: 'compare' }, 14),
  ...n(3, { kind: 'ai-feedback', platform: 'claude', detail: 'up' }, 14),
];

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('a week of heavy labor', () => {
  it('is counted by kind in the popup and the dashboard, with who received it', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    await seedEvents(popup, WEEK);
    await popup.reload();
    await popup.locator('main[data-state="ready"]').waitFor();
    await popup
      .getByTestId('total')
      .filter({ hasText: String(WEEK.length) })
      .waitFor({ timeout: 10_000 });
    const summary = (await popup.getByTestId('kind-chart').getAttribute('aria-label')) ?? '';
    for (const part of ['Reviews: 3', 'Ratings: 2', 'Tags: 7', 'Moderation: 9', 'AI feedback: 5'])
      expect(summary).toContain(part);
    const platforms = await popup.getByTestId('by-platform').locator('li').allTextContents();
    expect(platforms.find((t) => t.startsWith('Reddit'))).toMatch(/4 actions/);
    expect(platforms.find((t) => t.startsWith('Pinterest'))).toMatch(/Pinterest.*3 actions/);
    await popup.screenshot({ path: 'test-results/heavy-popup.png', fullPage: true });

    const [page] = await Promise.all([s.context.waitForEvent('page'), popup.getByTestId('dashboard-link').click()]);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.locator('main[data-state="ready"]').waitFor();
    await page.getByTestId('range-week').click();
    await page
      .getByTestId('total')
      .filter({ hasText: String(WEEK.length) })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('ai-ledger').locator('tbody tr').allTextContents()).toHaveLength(2);
    await page.screenshot({ path: 'test-results/heavy-dashboard.png', fullPage: true });
    await page.close();
    await popup.close();
  });
});
