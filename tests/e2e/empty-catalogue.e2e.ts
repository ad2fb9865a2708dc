import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, launch, openPopup, type Session, seedEvents } from './harness';

/**
 * Chromium sometimes hands an extension page an empty message catalogue (`i18n.getMessage` answers ""
 * for every key; lib/i18n-fallback.ts): the page then reads the packaged one. Each page here is drawn
 * twice, with the browser's catalogue and with `getMessage` emptied by a script that runs before the
 * page's own, and must read the same, word for word. (CI, 2026-12-02: the popup took that path and
 * showed "Federal minimum wage, US, .25 per hour".)
 */
let s: Session;
/** Browsers started before one served its catalogue (Chromium's empty catalogue lasts a browser's life). */
let launches = 0;
beforeAll(async () => {
  // The comparison needs a browser that serves the catalogue: one start in several does not.
  for (launches = 1; launches <= 5; launches++) {
    s = await launch();
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/about.html`);
    const served = await page.evaluate(extName);
    await page.close();
    if (served) break;
    console.log(`[empty-catalogue] browser ${launches} served an empty catalogue`);
    if (launches < 5) await s.close(); // the last one stays for afterAll
  }
}, 120_000);
afterAll(async () => {
  await s?.close();
});

/** The browser's own answer for `extName` ("" when its catalogue is empty). */
function extName(): string {
  return (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }).chrome.i18n.getMessage('extName');
}

/** Empties the browser's catalogue for this page: every `getMessage` answers "", as Chromium's empty one does. */
async function emptyCatalogue(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as Record<string, { i18n?: { getMessage: unknown } } | undefined>;
    for (const ns of ['chrome', 'browser']) {
      const i18n = g[ns]?.i18n;
      if (i18n) Object.defineProperty(i18n, 'getMessage', { value: () => '', configurable: true, writable: true });
    }
  });
}

/**
 * The page's text once drawn (its `settled` element there), and whether the browser's catalogue
 * answered. Drawn with the browser's catalogue, it is read again (a new page) while that came empty.
 */
async function read(path: string, empty: boolean, settled: string): Promise<{ text: string; served: string }> {
  let result = await readOnce(path, empty, settled);
  for (let again = 0; again < 3 && !empty && !result.served; again++) result = await readOnce(path, empty, settled);
  return result;
}

async function readOnce(path: string, empty: boolean, settled: string): Promise<{ text: string; served: string }> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  if (empty) await emptyCatalogue(page);
  await page.goto(`chrome-extension://${s.extensionId}/${path}`);
  await page.locator(settled).first().waitFor();
  await page.waitForTimeout(500);
  const text = await page.evaluate(() => document.body.textContent ?? '');
  const served = await page.evaluate(extName);
  await page.close();
  return { text, served };
}

describe('a page handed an empty message catalogue', () => {
  it('reads the same as with the browser’s: popup, dashboard and About the numbers', async () => {
    expect(launches, 'five browsers in a row served an empty catalogue').toBeLessThanOrEqual(5);
    const popup = await openPopup(s);
    await seedEvents(popup, [
      { kind: 'reaction', platform: 'youtube', detail: 'like', ts: daysAgo(1) },
      { kind: 'comment', platform: 'youtube', detail: 'comment', ts: daysAgo(2), durationMs: 40_000 },
      { kind: 'captcha', platform: 'recaptcha', detail: 'challenge', ts: daysAgo(3), durationMs: 12_000 },
    ]);
    await popup.close();
    const pages = [
      { path: 'popup.html', settled: '[data-testid="value-fair"]' },
      { path: 'options.html', settled: '[data-testid="history"] tbody tr' },
      { path: 'about.html', settled: 'main' },
    ];
    const packagedText: Record<string, string> = {};
    for (const { path, settled } of pages) {
      const own = await read(path, false, settled);
      const packaged = await read(path, true, settled);
      packagedText[path] = packaged.text;
      expect(own.served, path).toBe('Clickwork Meter');
      expect(packaged.served, `${path}: the emptied catalogue`).toBe('');
      expect(packaged.text.length, path).toBeGreaterThan(200);
      expect(packaged.text, path).toBe(own.text);
    }
    // The values with a dollar sign in them stay whole.
    expect(packagedText['popup.html']).toContain('Federal minimum wage, US, $7.25 per hour');
  });
});
