import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv';
import { exportZip } from '@/lib/research/export';
import { type AnonymisedExport, exportBaseName, exportToCsv } from '@/lib/research/format';
import { rng, sumRows, synthExport } from '../unit/class-fixtures';
import { CHART_IDS, canvasOwner, chartsDrawn, pixelCounts, pixelsDiffering } from './class-page';
import { launch, type Session, seriousViolations } from './harness';

/**
 * Class totals: three students' exports (one JSON, one zip, one bare CSV), a damaged file and a
 * second copy of a student's export. The page must show, and the CSV it downloads must hold,
 * exactly the sum of the three good files, computed here from the files themselves.
 */
const rand = rng(20261129);
const students: AnonymisedExport[] = [
  synthExport(rand, { rows: 14, platforms: ['youtube', 'x', 'practice', 'recaptcha', 'chatgpt'] }),
  synthExport(rand, { rows: 14, granularity: 'hour' }),
  synthExport(rand, { rows: 14 }),
];
const sum = sumRows(students);
const dir = mkdtempSync(join(tmpdir(), 'clickwork-class-'));
const files = {
  json: join(dir, `${exportBaseName(students[0] as AnonymisedExport)}.json`),
  zip: join(dir, `${exportBaseName(students[1] as AnonymisedExport)}.zip`),
  csv: join(dir, `${exportBaseName(students[2] as AnonymisedExport)}.csv`),
  broken: join(dir, 'broken.json'),
  again: join(dir, 'same-student-again.zip'),
};
writeFileSync(files.json, JSON.stringify(students[0], null, 2));
writeFileSync(files.zip, exportZip(students[1] as AnonymisedExport));
writeFileSync(files.csv, exportToCsv(students[2] as AnonymisedExport));
writeFileSync(files.broken, JSON.stringify(students[2]).slice(0, 300));
writeFileSync(files.again, exportZip(students[0] as AnonymisedExport));
const ALL = [files.json, files.zip, files.csv, files.broken, files.again];
const base = (p: string) => p.split('/').at(-1) as string;

/** Opens every disclosure (tables and lists), then checks both themes. */
async function checkA11y(page: Page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(200);
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

const en = (n: number) => new Intl.NumberFormat('en').format(n);

async function openClass(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${session.extensionId}/class.html`);
  await page.locator('main').waitFor();
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

/** The numbers of a chart's table, keyed by taxonomy id. */
async function chartCounts(page: Page, testId: string): Promise<Record<string, number>> {
  return page
    .getByTestId(`${testId}-table`)
    .evaluate((table) =>
      Object.fromEntries(
        [...table.querySelectorAll('tbody tr')].map((tr) => [
          tr.getAttribute('data-key'),
          Number(tr.querySelector('[data-count]')?.getAttribute('data-count')),
        ]),
      ),
    );
}

async function checkShownTotals(page: Page) {
  await page.getByTestId('total-actions').waitFor();
  expect(await page.getByTestId('total-participants').textContent()).toBe('3');
  expect(await page.getByTestId('total-actions').textContent()).toBe(en(sum.actions));
  expect(Number(await page.getByTestId('total-actions').getAttribute('data-value'))).toBe(sum.actions);
  expect(Number(await page.getByTestId('measured-note').getAttribute('data-value'))).toBe(sum.measuredSeconds);
  expect(await chartCounts(page, 'chart-kind')).toEqual(sum.byKind);
  expect(await chartCounts(page, 'chart-platform')).toEqual(sum.byPlatform);
  expect(await chartCounts(page, 'chart-beneficiary')).toEqual(sum.byBeneficiary);
  // The accepted files, and each refused one with its reason.
  expect(await page.getByTestId('accepted-list').locator('li').count()).toBe(3);
  expect(await page.getByTestId('refused-list').locator('li').allTextContents()).toEqual([
    'broken.json: not readable JSON (damaged or cut short).',
    `same-student-again.zip: another file of a participant already counted, covering the same days (${base(files.json)} is counted).`,
  ]);
}

describe('class totals', () => {
  it('merges three exports (JSON, zip, CSV), refuses a damaged file and a duplicate, and downloads the sum', async () => {
    const page = await openClass(s);
    expect(await page.title()).toBe('Class totals — Clickwork Meter');
    expect(await page.getByTestId('privacy-note').textContent()).toContain('nothing is stored');
    await page.getByTestId('class-files').setInputFiles(ALL);
    await checkShownTotals(page);
    // Every chart has its text alternative.
    for (const id of ['chart-kind', 'chart-platform', 'chart-beneficiary'])
      expect(await page.getByTestId(id).getAttribute('aria-label')).toMatch(/^Bar chart, .+: .+ \d/);
    expect(await page.getByTestId('studies').textContent()).toBe('Studies: class-demo');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const path = join(dir, 'totals.csv');
    await download.saveAs(path);
    const [header, ...lines] = parseCsv(readFileSync(path, 'utf8')) as string[][];
    const col = (name: string) => (header as string[]).indexOf(name);
    const table = (name: string, key: string) =>
      Object.fromEntries(lines.filter((l) => l[0] === name).map((l) => [l[col(key)], Number(l[col('count')])]));
    const total = lines.find((l) => l[0] === 'total') as string[];
    expect(Number(total[col('count')])).toBe(sum.actions);
    expect(Number(total[col('measured_count')])).toBe(sum.measuredCount);
    expect(Number(total[col('measured_seconds')])).toBe(sum.measuredSeconds);
    expect(Number(total[col('participants')])).toBe(3);
    expect(table('kind', 'kind')).toEqual(sum.byKind);
    expect(table('platform', 'platform')).toEqual(sum.byPlatform);
    expect(table('beneficiary', 'beneficiary')).toEqual(sum.byBeneficiary);
    expect(lines.filter((l) => l[0] === 'detail').reduce((n, l) => n + Number(l[col('count')]), 0)).toBe(sum.actions);

    await chartsDrawn(page);
    await page.screenshot({ path: 'test-results/class.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(200);
    await page.screenshot({ path: 'test-results/class-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await checkA11y(page);

    // Clear forgets everything.
    await page.getByTestId('clear').click();
    await expect.poll(() => page.getByTestId('total-actions').count()).toBe(0); // the worker answers first
    await expect.poll(() => page.getByTestId('refused-list').count()).toBe(0);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('draws its charts off the page’s thread: bars in both themes, a tooltip that follows the pointer', async () => {
    const page = await openClass(s);
    await page.getByTestId('class-files').setInputFiles([files.json, files.zip, files.csv]);
    await chartsDrawn(page);
    for (const id of CHART_IDS) {
      const canvas = page.getByTestId(id);
      // Handed to the chart worker: the page can no longer draw on it.
      expect(await canvas.evaluate(canvasOwner)).toBe('worker');
      // Bars, ticks and labels: thousands of painted pixels, not a blank box.
      const box = (await canvas.boundingBox()) as { width: number; height: number };
      expect(await pixelsDiffering(page, await canvas.screenshot())).toBeGreaterThan(box.width * box.height * 0.05);
    }
    // The tooltip: the pointer over the chart changes it, and leaving restores it.
    const kind = page.getByTestId('chart-kind');
    const still = await kind.screenshot();
    const box = (await kind.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
    await expect.poll(async () => pixelsDiffering(page, await kind.screenshot(), still)).toBeGreaterThan(500);
    await kind.screenshot({ path: 'test-results/class-chart-tooltip.png' });
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height + 200);
    await expect.poll(async () => pixelsDiffering(page, await kind.screenshot(), still)).toBe(0);
    // Dark: drawn again in the dark theme's colours. The platform chart's bars (the accent) and its
    // labels are dark on a light box, light on a dark one: bright pixels appear only if the worker
    // took the new colours (the box behind the transparent canvas darkens either way).
    const platforms = page.getByTestId('chart-platform');
    const pbox = (await platforms.boundingBox()) as { width: number; height: number };
    const area = pbox.width * pbox.height;
    // Light: what is bright is the box behind the canvas.
    expect((await pixelCounts(page, await platforms.screenshot())).bright).toBeGreaterThan(area * 0.5);
    const drawsBefore = Number(await platforms.getAttribute('data-drawn'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => Number(await platforms.getAttribute('data-drawn'))).toBeGreaterThan(drawsBefore);
    await page.waitForTimeout(100);
    const { bright } = await pixelCounts(page, await platforms.screenshot());
    expect(bright).toBeGreaterThan(area * 0.03);
    expect(bright).toBeLessThan(area * 0.5);
    await page.screenshot({ path: 'test-results/class-charts-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('draws its charts in the page where a browser cannot hand a canvas to a worker', async () => {
    const page = await s.context.newPage();
    await page.addInitScript(() => {
      delete (HTMLCanvasElement.prototype as { transferControlToOffscreen?: unknown }).transferControlToOffscreen;
    });
    await page.setViewportSize({ width: 1280, height: 1000 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`chrome-extension://${s.extensionId}/class.html`);
    await page.getByTestId('class-files').setInputFiles([files.json, files.zip, files.csv]);
    await chartsDrawn(page);
    for (const id of CHART_IDS) {
      const canvas = page.getByTestId(id);
      expect(await canvas.evaluate(canvasOwner)).toBe('page');
      const box = (await canvas.boundingBox()) as { width: number; height: number };
      expect(await pixelsDiffering(page, await canvas.screenshot())).toBeGreaterThan(box.width * box.height * 0.05);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the same files by drag and drop', async () => {
    const page = await openClass(s);
    const payload = ALL.map((p) => ({ name: base(p), data: readFileSync(p).toString('base64') }));
    const transfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name));
      }
      return dt;
    }, payload);
    const zone = page.getByTestId('drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    expect(await zone.getAttribute('class')).toContain('over');
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await checkShownTotals(page);
    expect(await zone.getAttribute('class')).not.toContain('over');
    // Nothing was written to the extension's database by reading the files.
    const stores = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('clickwork');
          open.onsuccess = () => {
            const db = open.result;
            const names = [...db.objectStoreNames].filter((n) => n === 'events' || n === 'daily');
            if (!names.length) return resolve(0);
            const tx = db.transaction(names);
            let n = 0;
            for (const name of names)
              tx.objectStore(name).count().onsuccess = (e) => (n += (e.target as IDBRequest<number>).result);
            tx.oncomplete = () => resolve(n);
          };
          open.onerror = () => resolve(-1);
        }),
    );
    expect(stores).toBe(0);
    await page.close();
  });

  it('in French', async () => {
    const fr = await launch({ lang: 'fr' });
    try {
      const page = await openClass(fr);
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^fr/);
      expect(await page.locator('h1').textContent()).toBe('Totaux de la classe');
      expect(await page.title()).toBe('Totaux de la classe — Clickwork Meter');
      await page.getByTestId('class-files').setInputFiles(ALL);
      await page.getByTestId('total-actions').waitFor();
      expect((await page.getByTestId('total-actions').textContent())?.replace(/\s/g, ' ')).toBe(
        new Intl.NumberFormat('fr').format(sum.actions).replace(/\s/g, ' '),
      );
      expect(await page.getByTestId('refused-list').locator('li').first().textContent()).toBe(
        'broken.json : JSON illisible (endommagé ou tronqué).',
      );
      expect(await page.getByTestId('chart-kind').getAttribute('aria-label')).toMatch(
        /^Diagramme en barres, Par type d’action : /,
      );
      await page.screenshot({ path: 'test-results/class-fr.png', fullPage: true });
      await checkA11y(page);
      await page.close();
    } finally {
      await fr.close();
    }
  });
});
