import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, root, type SeedEvent, type Session, seedEvents, seriousViolations } from './harness';

const noon = (n: number) => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - n, 12).getTime();
};
const SEED: SeedEvent[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ kind: 'reaction', platform: 'youtube', detail: 'like', ts: noon(i) })),
  { kind: 'captcha', platform: 'recaptcha', detail: 'challenge', ts: noon(1), durationMs: 9000 },
  { kind: 'ai-feedback', platform: 'chatgpt', detail: 'up', ts: noon(2) },
  { kind: 'comment', platform: 'x', detail: 'reply', ts: noon(0), durationMs: 4000 },
];

for (const lang of ['en', 'fr'] as const) {
  describe(`accessibility (${lang})`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await launch({ lang });
      await resetDb(s);
      const popup = await openPopup(s);
      await seedEvents(popup, SEED);
      await popup.close();
    });
    afterAll(async () => {
      await s?.close();
    });

    it('the check itself finds a real violation (control)', async () => {
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/data.html`);
      await page.locator('main').waitFor();
      await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
      expect((await seriousViolations(page)).some((v) => v.startsWith('button-name'))).toBe(true);
      await page.close();
    });

    for (const [name, path] of [
      ['popup', 'popup.html'],
      ['dashboard', 'options.html'],
      ['about the numbers', 'about.html'],
      ['practice page', 'practice.html'],
      ['backup page', 'data.html'],
      ['class totals page', 'class.html'],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`${name}, ${scheme}: no serious or critical violation`, async () => {
          const page = await s.context.newPage();
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(`chrome-extension://${s.extensionId}/${path}`);
          await page.locator('main').first().waitFor();
          await page.waitForTimeout(300);
          expect(await seriousViolations(page)).toEqual([]);
          await page.close();
        });
      }
    }

    it('research page with a study read, joined and under review, light and dark: no serious or critical violation', async () => {
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/research.html`);
      const study = JSON.parse(readFileSync(join(root, 'docs/research/example-study.json'), 'utf8'));
      await page
        .getByTestId('study-text')
        .fill(JSON.stringify({ ...study, id: `a11y-${lang}`, startDate: '2020-01-01', endDate: '2099-12-31' }));
      await page.getByTestId('study-read').click();
      await page.getByTestId('study-preview').waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await seriousViolations(page), `preview, ${scheme}`).toEqual([]);
      }
      await page.getByTestId('study-agree').check();
      await page.getByTestId('study-join').click();
      await page.getByTestId('study-review').click();
      await page.getByTestId('review-table').waitFor();
      await page.getByTestId('review-keep').first().uncheck();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await seriousViolations(page), `review, ${scheme}`).toEqual([]);
      }
      await page.screenshot({ path: `test-results/research-${lang}.png`, fullPage: true });
      await page.close();
    });
  });
}
