import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type SeedEvent, type Session, seedEvents } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (through the DevTools protocol, so the page's CSP does not block it). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe
      .run({ resultTypes: ['violations'] })
      .then((r) => r.violations),
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

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
  });
}
