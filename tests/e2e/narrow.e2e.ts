/**
 * Every extension page at 360 px wide (a small phone; Firefox for Android opens the popup as a
 * page): no horizontal scroll, and no control cut off by the page's edge. Screenshots are written
 * to /tmp/narrow-<page>.png for a person to look at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type SeedEvent, type Session, seedEvents } from './harness';

const PAGES = ['popup', 'options', 'practice', 'research', 'class', 'data', 'about'] as const;
const WIDTH = 360;

/** A browser with a month of varied work, so that charts, tables and ledgers are drawn. */
async function seeded(lang?: string): Promise<Session> {
  const session = await launch(lang ? { lang } : {});
  await resetDb(session);
  const day = 86_400_000;
  const kinds: [string, string, string][] = [
    ['youtube', 'reaction', 'like'],
    ['reddit', 'vote', 'up'],
    ['recaptcha', 'captcha', 'challenge'],
    ['chatgpt', 'ai-feedback', 'up'],
    ['amazon', 'review', 'review'],
    ['stackoverflow', 'moderation', 'close-vote'],
  ];
  const events: SeedEvent[] = [];
  for (let i = 0; i < 120; i++) {
    const [platform, kind, detail] = kinds[i % kinds.length] as [string, string, string];
    events.push({ platform, kind, detail, ts: Date.now() - (i % 28) * day - i * 60_000, durationMs: 4_000 + i * 50 });
  }
  const page = await openPopup(session);
  await seedEvents(page, events);
  await page.close();
  return session;
}

/** Controls whose box goes past the page's left or right edge (not inside a box that scrolls). */
function cutControls(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const scrolls = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('button, input, select, textarea, a, summary, canvas, table, [role="button"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || scrolls(el)) continue;
      if (r.left < -0.5 || r.right > w + 0.5) {
        const id = el.getAttribute('data-testid') ?? el.id ?? '';
        out.push(`${el.tagName.toLowerCase()}${id ? `#${id}` : ''} ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    return out;
  }, width);
}

/** Opens one page at WIDTH px and checks it; the screenshot goes to /tmp/narrow-<tag>.png. */
async function check(session: Session, name: string, tag: string): Promise<void> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 740 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${session.extensionId}/${name}.html`);
  await page.waitForLoadState('load');
  // Rendered: the page's main content is there (and, where it loads data, has loaded it).
  await page.locator('main, #app > *').first().waitFor();
  await page.waitForTimeout(1_500);
  // Closed sections open, so that what they hold is measured too.
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/narrow-${tag}.png`, fullPage: true });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${tag} scrollWidth`).toBeLessThanOrEqual(WIDTH);
  expect(await cutControls(page, WIDTH), tag).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}

for (const lang of ['en', 'fr']) {
  describe(`every page at ${WIDTH} px wide (${lang})`, () => {
    let s: Session;
    beforeAll(async () => {
      // French labels run longer: the same pages in French too.
      s = await seeded(lang === 'fr' ? 'fr' : undefined);
    });
    afterAll(async () => {
      await s?.close();
    });
    for (const name of PAGES) {
      it(`${name}: no horizontal scroll, no control cut off`, () => check(s, name, lang === 'en' ? name : `${name}-${lang}`));
    }
  });
}
