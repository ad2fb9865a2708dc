import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type Session, settle, storedEvents, waitForEvents } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('practice page', () => {
  it('counts one of each kind under "practice", apart from real data, and resets', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    const [page] = await Promise.all([s.context.waitForEvent('page'), popup.getByTestId('practice-link').click()]);
    await page.waitForLoadState();
    expect(page.url()).toBe(`chrome-extension://${s.extensionId}/practice.html`);
    const click = (id: string) => page.getByTestId(id).click();
    // A second window shows the projector view while the first is clicked: it must follow live.
    const projector = await s.context.newPage();
    await projector.goto(`chrome-extension://${s.extensionId}/practice.html#present`);
    await projector.getByTestId('present-total').filter({ hasText: /^0$/ }).waitFor();

    await click('p-like');
    await click('p-up');
    await click('p-down'); // a changed vote stays one vote
    await click('p-star-4');
    await page.getByTestId('p-review-text').pressSequentially('Solid and cheap.', { delay: 40 });
    await click('p-review-post');
    await page.getByTestId('p-comment-text').pressSequentially('Nice!', { delay: 40 });
    await click('p-comment-post');
    await click('p-share');
    await click('p-share-now');
    await click('p-tag-yes');
    await click('p-captcha');
    // The practice CAPTCHA is timed like a real one, from the puzzle shown to passed: take a while,
    // and try once with no tile picked (a second round).
    const shownAt = Date.now();
    await click('p-verify');
    await page.getByTestId('p-tile-1').click({ delay: 100 });
    await page.waitForTimeout(1_500);
    await click('p-verify');
    const solvedIn = Date.now() - shownAt;
    await click('p-report');
    await click('p-report-send');
    await click('p-good');
    await click('p-pick-a');

    const events = await waitForEvents(popup, (e) => e.length === 11, 15_000);
    expect(events.every((e) => e.platform === 'practice')).toBe(true);
    expect(events.map((e) => `${e.kind}/${e.detail}`).sort()).toEqual([
      'ai-feedback/compare',
      'ai-feedback/up',
      'captcha/challenge',
      'comment/comment',
      'rating/stars',
      'reaction/like',
      'report/report',
      'review/review',
      'share/share',
      'tag/label',
      'vote/down',
    ]);
    expect(new Set(events.map((e) => e.kind)).size).toBe(10); // every kind of the taxonomy
    // Both windows redrew on the service worker's writes, without a reload.
    await projector.getByTestId('present-total').filter({ hasText: /^11$/ }).waitFor({ timeout: 10_000 });
    await projector.close();
    const counts = async () => (await page.getByTestId('practice-totals').locator('strong').allTextContents()).map(Number);
    await expect.poll(async () => (await counts()).reduce((a, b) => a + b, 0), { timeout: 10_000 }).toBe(11);
    expect(events.filter((e) => e.kind === 'vote')).toMatchObject([{ detail: 'down' }]);
    // The CAPTCHA's time, measured from shown to passed, as for real CAPTCHAs (lib/background/captcha.ts).
    const captcha = events.find((e) => e.kind === 'captcha');
    expect(captcha?.durationMs).toBeGreaterThanOrEqual(1_500);
    expect(captcha?.durationMs).toBeLessThanOrEqual(solvedIn + 1_000);
    expect(captcha?.rounds).toBe(2);
    // Measured typing time for the review and the comment.
    expect(events.filter((e) => e.kind === 'review' || e.kind === 'comment').every((e) => (e.durationMs ?? 0) > 0)).toBe(true);

    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: 'test-results/practice.png', fullPage: true });

    // Practice is kept apart: the popup counts no real click-work.
    await popup.reload();
    await popup.locator('main[data-state="ready"]').waitFor();
    expect(await popup.getByTestId('empty').count()).toBe(1);

    // The presentation view shows the totals, large, and they follow the page live.
    await page.goto(`chrome-extension://${s.extensionId}/practice.html#present`);
    await page.getByTestId('present-total').filter({ hasText: /^11$/ }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'test-results/practice-present.png' });

    // Reset deletes practice data only.
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('reset').click();
    await page.getByTestId('present-total').filter({ hasText: /^0$/ }).waitFor();
    await settle(page, 500);
    expect((await storedEvents(popup)).filter((e) => e.platform === 'practice')).toEqual([]);
    await page.close();
    await popup.close();
  });
});
