import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLASS_FILES } from '@/lib/research/class-drop';
import { type AnonymisedExport, MAX_EXPORT_BYTES } from '@/lib/research/format';
import { rng, sumRows, synthExport } from '../unit/class-fixtures';
import { chartsDrawn, openClass } from './class-page';
import { launch, type Session, seriousViolations, stillCopy } from './harness';
import { longest, type MainThread, measureMainThread, type Phase } from './main-thread';

/**
 * Class totals read in a worker: the page is never blocked 50 ms while it reads one 20 MB file or
 * ten thousand files (every long task is recorded by a PerformanceObserver in the page), shows
 * its progress, can cancel a drop, and stops at its file limit.
 */
const dir = mkdtempSync(join(tmpdir(), 'clickwork-class-worker-'));
const MiB = 1024 * 1024;

/** One participant's export of a year by hour: just under 20 MB of JSON. */
const big = synthExport(rng(5), { granularity: 'hour', days: 366, rows: 71_000 });
const bigPath = join(dir, 'big-year-by-hour.json');
writeFileSync(bigPath, JSON.stringify(big));
const small = synthExport(rng(6), { rows: 10 });
const smallPath = join(dir, 'small.json');
writeFileSync(smallPath, JSON.stringify(small));

/** MAX_CLASS_FILES + 3 small exports, one participant each, named in the order they are given. */
const MANY = MAX_CLASS_FILES + 3;
const manyDir = join(dir, 'many');
mkdirSync(manyDir);
const rand = rng(10_000);
const many = Array.from({ length: MANY }, (_, i) => {
  const file = synthExport(rand, { rows: 6 });
  const path = join(manyDir, `${String(i).padStart(5, '0')}.json`);
  writeFileSync(path, JSON.stringify(file));
  return { file, path };
});

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

const en = (n: number) => new Intl.NumberFormat('en').format(n);

/** What was measured, for the log (and the report). */
function report(what: string, m: MainThread) {
  const line = (p: Phase) =>
    `longest main-thread task ${longest(p.cpu)} ms CPU (${longest(p.wall)} ms wall-clock), ` +
    `long tasks seen by the page ${JSON.stringify(p.longTasks)}`;
  console.log(`${what}\n  reading and merging: ${line(m.before)}\n  drawing the totals: ${line(m.after)}`);
}

describe('class totals in a worker', () => {
  it('the measurement itself sees a page blocked for two seconds (control)', async () => {
    const page = await openClass(s);
    const { before: m } = await measureMainThread(page, '#never', async () => {
      await page.evaluate(() =>
        setTimeout(() => {
          const end = performance.now() + 2000;
          while (performance.now() < end);
        }),
      );
      await page.waitForTimeout(2500);
    });
    expect(longest(m.longTasks)).toBeGreaterThanOrEqual(1990);
    expect(longest(m.wall)).toBeGreaterThanOrEqual(1990);
    // The CPU time of the loop: on the loaded test machine the thread got as little as 76 ms of a
    // second; 50 ms (the limit the other tests check) must be seen.
    expect(longest(m.cpu)).toBeGreaterThanOrEqual(50);
    await page.close();
  });

  it('reads one 20 MB file with the page never blocked 50 ms, showing its progress in megabytes', async () => {
    expect(statSync(bigPath).size).toBeGreaterThan(18 * MiB);
    expect(statSync(bigPath).size).toBeLessThanOrEqual(MAX_EXPORT_BYTES);
    const page = await openClass(s);
    let ms = 0;
    const m = await measureMainThread(page, '[data-testid="total-actions"]', async () => {
      const started = Date.now();
      await page.getByTestId('class-files').setInputFiles([bigPath]);
      const bar = page.getByRole('progressbar', { name: /^0 of 1 files \(.+ of 1\d\.\d MB\)$/ });
      await bar.waitFor();
      await page.getByTestId('total-actions').waitFor({ timeout: 60_000 });
      ms = Date.now() - started;
      // The charts are drawn by their worker: all of them.
      await chartsDrawn(page);
      await page.waitForTimeout(500);
    });
    expect(await page.getByTestId('total-actions').getAttribute('data-value')).toBe(String(sumRows([big]).actions));
    expect(await page.getByTestId('progress').count()).toBe(0);
    report(`one ${(statSync(bigPath).size / MiB).toFixed(1)} MiB file: ${ms} ms`, m);
    await page.screenshot({ path: 'test-results/class-after-big-en.png', fullPage: true });
    expect(longest(m.before.cpu)).toBeLessThan(50);
    await page.close();
  }, 120_000);

  it(`takes ${en(MAX_CLASS_FILES)} files of ${en(MANY)}, merges them in the worker and names those left`, async () => {
    const page = await openClass(s);
    let ms = 0;
    const m = await measureMainThread(page, '[data-testid="total-actions"]', async () => {
      const started = Date.now();
      await page.getByTestId('class-files').setInputFiles(many.map((x) => x.path));
      const label = page.getByTestId('progress-label');
      await expect
        .poll(async () => (await label.textContent()) ?? '', { timeout: 60_000 })
        .toMatch(/^[1-9][\d,]* of 10,000 files/);
      await page.screenshot({ path: 'test-results/class-progress-en.png', fullPage: true });
      await page.getByTestId('total-actions').waitFor({ timeout: 120_000 });
      ms = Date.now() - started;
      await chartsDrawn(page);
      await page.waitForTimeout(500);
    });
    const taken = many.slice(0, MAX_CLASS_FILES).map((m) => m.file as AnonymisedExport);
    expect(await page.getByTestId('total-participants').getAttribute('data-value')).toBe(String(MAX_CLASS_FILES));
    expect(await page.getByTestId('total-actions').getAttribute('data-value')).toBe(String(sumRows(taken).actions));
    expect(await page.getByTestId('drop-notices').textContent()).toBe(
      `3 files not read: the page takes at most 10,000 files (the first one not read: 10000.json). Clear the files to merge another class.`,
    );
    // Reported rather than asserted: with the file chooser Chromium makes the 10,000 File objects in one
    // main-thread task of about 0.7-0.9 s of CPU before any page script runs (2026-12-01/02, shared 2-core
    // machines); "Choose a folder" avoids it (class-folder.e2e.ts, npm run bench's class rows).
    report(`${en(MANY)} files (${en(MAX_CLASS_FILES)} merged): ${ms} ms from choosing to totals`, m);
    await page.screenshot({ path: 'test-results/class-after-many-en.png' });
    // Long lists are drawn 200 lines at a time.
    await page
      .locator('details', { has: page.getByTestId('accepted-list') })
      .locator('summary')
      .click();
    expect(await page.getByTestId('accepted-list').locator('li').count()).toBe(200);
    await page.getByTestId('accepted-list-more').click();
    expect(await page.getByTestId('accepted-list').locator('li').count()).toBe(400);
    await page.close();
  }, 600_000);

  it('cancels a drop: the totals stay as they were before it', async () => {
    const page = await openClass(s);
    await page.getByTestId('class-files').setInputFiles([smallPath]);
    await page.getByTestId('total-actions').waitFor();
    const before = await page.getByTestId('total-actions').getAttribute('data-value');
    await page.getByTestId('class-files').setInputFiles([bigPath, ...many.slice(0, 50).map((m) => m.path)]);
    // Every text the status line shows, recorded in the page: on a fast machine the worker may finish the
    // file it is checking before the test could read "Cancelling" (CI, 2026-12-02).
    await page.evaluate(() => {
      const status = document.querySelector('[data-testid="reading-status"]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      new MutationObserver(() => {
        if (seen.at(-1) !== status.textContent) seen.push(status.textContent ?? '');
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.getByTestId('cancel').click();
    await expect
      .poll(() => page.getByTestId('reading-status').textContent(), { timeout: 60_000 })
      .toBe('Cancelled: nothing from those files was added.');
    const seen = await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
    expect(seen.slice(seen.indexOf('Cancelling: the file being checked is finished first…'))).toEqual([
      'Cancelling: the file being checked is finished first…',
      'Cancelled: nothing from those files was added.',
    ]);
    expect(await page.getByTestId('progress').count()).toBe(0);
    // Nothing of the cancelled drop arrives later.
    await page.waitForTimeout(4000);
    expect(await page.getByTestId('total-actions').getAttribute('data-value')).toBe(before);
    expect(await page.getByTestId('accepted-list').locator('li').count()).toBe(1);
    await page.close();
  }, 60_000);

  it('in French: progress while reading, then the totals', async () => {
    const fr = await launch({ lang: 'fr' });
    try {
      const page = await openClass(fr);
      await page.getByTestId('class-files').setInputFiles([bigPath, ...many.slice(0, 300).map((m) => m.path)]);
      await page.getByRole('progressbar', { name: /^0 fichiers sur 301 \(.+ Mo sur .+\)$/ }).waitFor();
      expect(await page.getByTestId('cancel').textContent()).toBe('Annuler');
      expect(await page.getByTestId('reading-status').textContent()).toBe('Lecture de 301 fichiers…');
      // The page with its progress bar and cancel button, held still: on a fast machine the 301 files are
      // read before an axe scan ends, so the scan reads a copy of the page as it is now.
      const still = await stillCopy(page);
      expect(await still.getByTestId('progress').count()).toBe(1);
      expect(await still.getByRole('progressbar', { name: / fichiers sur 301 \(/ }).count()).toBe(1);
      expect(await still.getByTestId('cancel').textContent()).toBe('Annuler');
      await still.screenshot({ path: 'test-results/class-progress-fr.png', fullPage: true });
      // No serious accessibility violation.
      expect(await seriousViolations(still)).toEqual([]);
      await still.close();
      await page.getByTestId('total-actions').waitFor({ timeout: 120_000 });
      await chartsDrawn(page);
      expect(await page.getByTestId('total-participants').textContent()).toBe('301');
      expect(await page.getByTestId('limits').textContent()).toMatch(
        /^Jusqu’à 10\s000 fichiers, 20 Mo chacun et 500 Mo en tout\.$/,
      );
      await page.screenshot({ path: 'test-results/class-after-fr.png', fullPage: true });
      await page.close();
    } finally {
      await fr.close();
    }
  }, 180_000);
});
