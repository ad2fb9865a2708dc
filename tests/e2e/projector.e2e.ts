import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBaseName } from '@/lib/research/format';
import { rng, synthExport } from '../unit/class-fixtures';
import { clearStores, launch, type Session, seedEvents } from './harness';

/**
 * Issue 13: the projector views clipped "129 hr 51 min" to "129 hr 51" at 1024–1920 px. A long
 * total must show whole, on one line with its units, at every projector width, in both languages.
 */
const SECONDS = 129 * 3600 + 51 * 60;
const WIDTHS = [800, 1024, 1280, 1440, 1920];
const TEXT = { en: '129 hr 51 min', fr: '129 h 51 min' } as const;

/** Where the duration's text sits: its own box must not overflow, and its words must share one line. */
async function fits(el: Locator, text: string): Promise<{ whole: boolean; lines: number; overflow: number; offscreen: boolean }> {
  return el.evaluate((node, wanted) => {
    const flat = (s: string) => s.replace(/\s/g, ' ');
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let found = false;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = flat(t.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      range.setStart(t, at);
      range.setEnd(t, at + wanted.length);
      found = true;
      break;
    }
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    const box = range.getBoundingClientRect();
    const style = getComputedStyle(node as Element);
    const el = node as HTMLElement;
    return {
      whole: found && flat(el.textContent ?? '').includes(wanted) && style.textOverflow !== 'ellipsis',
      lines: tops.size,
      overflow: el.scrollWidth - el.clientWidth,
      offscreen: box.left < 0 || box.right > document.documentElement.clientWidth,
    };
  }, text);
}

async function checkWidths(page: Page, el: Locator, text: string, shot: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(100);
    expect(await fits(el, text), `${shot} at ${width} px`).toEqual({ whole: true, lines: 1, overflow: 0, offscreen: false });
    if (width === 1024 || width === 1920) await page.screenshot({ path: `test-results/${shot}-${width}.png` });
  }
}

for (const lang of ['en', 'fr'] as const) {
  describe(`projector views in ${lang}`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await launch({ lang });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('the practice projector view shows 129 h 51 min whole from 800 to 1920 px', async () => {
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/practice.html#present`);
      await clearStores(page);
      // Six timed practice CAPTCHAs (each under a day, as stored rows must be) adding up to 129 h 51 min.
      const now = Date.now();
      const each = [86_000, 86_000, 86_000, 86_000, 86_000, SECONDS - 5 * 86_000];
      await seedEvents(
        page,
        each.map((sec, i) => ({
          kind: 'captcha',
          platform: 'practice',
          detail: 'challenge',
          ts: now - (i + 1) * 60_000,
          durationMs: sec * 1000,
        })),
      );
      await page.reload();
      await page.getByTestId('present-total').filter({ hasText: /^6$/ }).waitFor();
      const time = page.getByTestId('present-time');
      await checkWidths(page, time, TEXT[lang], `projector-practice-${lang}`);
      await page.close();
    });

    it('the class totals tile shows 129 h 51 min whole from 800 to 1920 px', async () => {
      const file = synthExport(rng(13), { rows: 1 });
      const row = file.rows[0];
      if (!row) throw new Error('no row');
      Object.assign(row, { count: 6, measured_count: 6, measured_seconds: SECONDS, kind: 'captcha', detail: 'challenge' });
      const path = join(tmpdir(), `${exportBaseName(file)}-${lang}.json`);
      writeFileSync(path, JSON.stringify(file));
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/class.html`);
      await page.getByTestId('class-files').setInputFiles([path]);
      const hours = page.getByTestId('total-hours');
      await hours.filter({ hasText: TEXT[lang] }).waitFor({ timeout: 15_000 });
      await checkWidths(page, hours, TEXT[lang], `projector-class-${lang}`);
      await page.close();
      rmSync(path, { force: true });
    });
  });
}
