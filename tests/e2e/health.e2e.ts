import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, htmlRoute, launch, openPopup, type Session, URLS, withEmulator } from './harness';

const RENAMED = 'https://www.youtube.com/watch?v=renamedCtl01';
let s: Session;
beforeAll(async () => {
  // The same watch page after a redesign: the like/dislike elements have new names.
  const renamed = fixture('youtube/watch-rendered.html').replaceAll('like-button-view-model', 'yt-reaction-button-v2');
  s = await launch({
    routes: [[/^https:\/\/www\.youtube\.com\/watch\?v=renamedCtl01$/, htmlRoute(withEmulator(renamed, 'youtube'))]],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('detector health', () => {
  it('warns in the popup when a platform’s controls are not recognised, and clears once they are', async () => {
    // Two page views without the controls (in two tabs at once, to keep the test short).
    const pages = await Promise.all([s.context.newPage(), s.context.newPage()]);
    await Promise.all(pages.map((p) => p.goto(RENAMED)));
    const popup = await openPopup(s);
    const warning = popup.getByTestId('health-warnings').locator('li[data-platform="youtube"]');
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.locator('main[data-state="ready"]').waitFor();
          return warning.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await warning.textContent()).toMatch(/^⚠ YouTube: buttons not recognised since .+\. The site may have changed/);
    await popup.screenshot({ path: 'test-results/popup-health-warning.png', fullPage: true });

    // The page as it should be: recognised again, the warning goes.
    await pages[0]?.goto(URLS.youtube);
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.locator('main[data-state="ready"]').waitFor();
          // The health parts load after the first chart: no warning counts only once they are drawn.
          await popup.getByTestId('health-details').waitFor();
          return popup.getByTestId('health-warnings').count();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(0);
    await popup.getByTestId('health-details').locator('summary').click();
    expect(await popup.getByTestId('health-details').textContent()).toMatch(/YouTube buttons recognised/);
    for (const p of [...pages, popup]) await p.close();
  });
});
