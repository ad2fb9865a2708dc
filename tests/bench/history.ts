import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Enrolment } from '@/lib/research/study';
import type { Session } from '../e2e/harness';
import { add, KB, median, round } from './rows';
import { type Bench, rowFloors, seedHistory, workerHeap } from './worker';

/**
 * The extension's pages, service worker, backup and research export against a growing history
 * (seeded straight into the database): popup and dashboard first chart, the worker's heap, bytes
 * per event; the backup at 100,000 events and the research export at the largest history.
 */
const OPENINGS = Number(process.env.BENCH_OPENINGS ?? 15);
/** Pause after closing a page before opening the next. */
const SETTLE_MS = 300;
const en = (n: number) => n.toLocaleString('en');
const short = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * The floor under the pages' first chart: an empty extension page (no stylesheet, one module script
 * that writes a word and marks its first frame), written into the benchmark's build before the
 * browser starts. Opened like the popup, it is what this machine and browser take to commit an
 * extension page's navigation, start its renderer and give it a frame — before any of our code.
 */
export const FLOOR_PAGE = 'bench-floor.html';
export function writeFloorPage(extensionDir: string): void {
  writeFileSync(
    join(extensionDir, FLOOR_PAGE),
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>floor</title>' +
      '<script type="module" src="/bench-floor.js"></script></head><body><main id="app"></main></body></html>\n',
  );
  writeFileSync(
    join(extensionDir, 'bench-floor.js'),
    "document.getElementById('app').textContent = 'floor';\n" +
      "requestAnimationFrame(() => performance.mark('clickwork:first-chart'));\n",
  );
}

interface Opened {
  ms: number;
  all: number[];
  heap: number;
}

/**
 * Median time to the first chart over OPENINGS openings of each extension page, and its heap; the
 * pages are opened in turn (one of each, then again, starting one further each time), so that a
 * slower moment of a shared machine, or the page closed just before, falls on all of them alike.
 */
async function firstCharts(s: Session, paths: string[]): Promise<Opened[]> {
  const times = paths.map(() => [] as number[]);
  const heaps = paths.map(() => 0);
  for (let i = 0; i < OPENINGS; i++) {
    for (const k of paths.map((_, j) => (i + j) % paths.length)) {
      const path = paths[k] as string;
      const page: Page = await s.context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(`chrome-extension://${s.extensionId}/${path}`);
      await page.waitForFunction(() => performance.getEntriesByName('clickwork:first-chart').length > 0, null, {
        timeout: 30_000,
      });
      times[k]?.push(
        await page.evaluate(() => performance.getEntriesByName('clickwork:first-chart')[0]?.startTime ?? Number.NaN),
      );
      // The protocol session for the heap is opened only now: a person's page has none attached
      // while it opens (attached before, every page's row read 10–17 ms more, the floor's too:
      // 2026-12-02, 1k and 1M events, floor 73/76 → 60/68, popup 191/200 → 176/192 ms).
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      heaps[k] = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
      await page.close();
      // The extension's pages share one renderer process and its main thread: the next page is
      // opened once this one's teardown is over, as a person opens the popup, not while the page
      // closed a moment before is still being taken down.
      await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    }
  }
  return paths.map((_, k) => ({ ms: median(times[k] ?? []), all: times[k] ?? [], heap: heaps[k] ?? 0 }));
}

const spread = (xs: number[]) => `${round(Math.min(...xs), 0)}–${round(Math.max(...xs), 0)} ms`;

async function pagesAt(s: Session, n: number, seedMs: number) {
  const [floor, popup, dashboard] = (await firstCharts(s, [FLOOR_PAGE, 'popup.html', 'options.html'])) as [
    Opened,
    Opened,
    Opened,
  ];
  // After the popup and the dashboard asked the worker for its status, and a garbage collection.
  const sw = await workerHeap(s);
  const big = n >= 1_000_000;
  add({
    id: `pages.floorMs.${short(n)}`,
    group: 'popup',
    metric: `floor: first frame of an empty extension page, opened in turn with the popup and the dashboard (median of ${OPENINGS})`,
    value: round(floor.ms, 0),
    unit: 'ms',
    note: `openings ${spread(floor.all)}; no stylesheet, no library, one 2-line script`,
  });
  add({
    id: `popup.firstChartMs.${short(n)}`,
    group: 'popup',
    metric: `first chart with ${en(n)} events (median of ${OPENINGS} openings)`,
    value: round(popup.ms, 0),
    unit: 'ms',
    ...(big ? { budget: '≤ 100', pass: popup.ms <= 100 } : {}),
    note: `openings ${spread(popup.all)}; JS heap ${round(popup.heap / KB / KB, 1)} MB; seeded in ${round(seedMs / 1000, 1)} s`,
  });
  add({
    id: `dashboard.firstChartMs.${short(n)}`,
    group: 'dashboard',
    metric: `first chart with ${en(n)} events (month view, median of ${OPENINGS} openings)`,
    value: round(dashboard.ms, 0),
    unit: 'ms',
    ...(big ? { budget: '≤ 200', pass: dashboard.ms <= 200 } : {}),
    note: `openings ${spread(dashboard.all)}`,
  });
  add({
    id: `serviceWorker.heapMB.${short(n)}`,
    group: 'service worker',
    metric: `service worker JS heap with ${en(n)} events, after a garbage collection`,
    value: round(sw.after / KB / KB, 1),
    unit: 'MB',
    ...(big ? { budget: '≤ 20', pass: sw.after <= 20 * KB * KB } : {}),
    note: `before it ${round(sw.before / KB / KB, 1)} MB, the garbage of the benchmark's own seeding included`,
  });
}

async function storagePerEvent(s: Session, n: number) {
  const p = await s.context.newPage();
  await p.goto(`chrome-extension://${s.extensionId}/popup.html`);
  const usage = await p.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await p.close();
  add({
    id: `storage.bytesPerEvent.${short(n)}`,
    group: 'storage',
    metric: `bytes per event (${en(n)} events; IndexedDB usage / events, rollup included)`,
    value: round(usage / n, 0),
    unit: 'B',
  });
}

/** The personal backup of this history: export to JSON text, then import into an empty database. */
async function backup(s: Session, n: number) {
  const io = await s.worker.evaluate(async () => {
    const { db, exportBackup: exp, importBackup: imp } = (globalThis as unknown as { clickworkBench: Bench }).clickworkBench;
    const t0 = performance.now();
    const text = JSON.stringify(await exp(db, 'bench', 'en'));
    const t1 = performance.now();
    await db.events.clear();
    await db.daily.clear();
    await db.hours.clear();
    const t2 = performance.now();
    const result = await imp(db, text, 'en');
    const importMs = performance.now() - t2;
    const stored = await db.events.count();
    // The floor under both: IndexedDB's own read of every event and write of as many in one transaction.
    const t3 = performance.now();
    const all = await db.events.toArray();
    const readMs = performance.now() - t3;
    for (const e of all) delete e.id;
    await db.events.clear();
    const t4 = performance.now();
    await db.transaction('rw', db.events, () => db.events.bulkAdd(all));
    const writeMs = performance.now() - t4;
    return { exportMs: t1 - t0, importMs, readMs, writeMs, bytes: text.length, added: result.ok ? result.added : -1, stored };
  });
  add({
    id: `backup.exportMs.${short(n)}`,
    group: 'backup',
    metric: `export of ${en(n)} events to JSON text (${round(io.bytes / KB / KB, 1)} MB)`,
    value: round(io.exportMs, 0),
    unit: 'ms',
    budget: '≤ 1,000',
    pass: io.exportMs <= 1000,
  });
  add({
    id: `backup.importMs.${short(n)}`,
    group: 'backup',
    metric: 'import of the same file into an empty database',
    value: round(io.importMs, 0),
    unit: 'ms',
    budget: '≤ 2,000, every event back',
    pass: io.importMs <= 2000 && io.added === n && io.stored === n,
    note: `${en(io.added)} events added, ${en(io.stored)} stored`,
  });
  add({
    id: `backup.floorReadMs.${short(n)}`,
    group: 'backup',
    metric: `floor: IndexedDB read of the ${en(n)} events (one db.events.toArray(), same run)`,
    value: round(io.readMs, 0),
    unit: 'ms',
  });
  add({
    id: `backup.floorWriteMs.${short(n)}`,
    group: 'backup',
    metric: `floor: IndexedDB write of ${en(n)} events (one bulkAdd in one transaction, no rollup, same run)`,
    value: round(io.writeMs, 0),
    unit: 'ms',
  });
  const floors = await rowFloors(s, n);
  add({
    id: `backup.floorRowsMs.${short(n)}`,
    group: 'backup',
    metric: `floor: IndexedDB write of ${en(n)} rows of nothing (a number each, no index, one transaction, same run)`,
    value: round(floors.tinyMs, 0),
    unit: 'ms',
    note: `the same events packed 1,000 to a row (${en(floors.packedRows)} rows): ${en(round(floors.packedMs, 0))} ms`,
  });
}

/** Rows of the anonymised research export of the last `days` days (the enrolment as the research page makes it). */
function exportRows(s: Session, granularity: 'day' | 'hour', days: number) {
  return s.worker.evaluate(
    async ({ g, days: d }) => {
      const { db, candidateRows: rowsOf } = (globalThis as unknown as { clickworkBench: Bench }).clickworkBench;
      const from = new Date(Date.now() - d * 86_400_000);
      const startDate = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
      const study = {
        format: 'clickwork-meter/study',
        version: 1,
        id: 'bench-study',
        title: 'bench',
        researcher: 'bench',
        contact: 'bench',
        consent: { version: '1', text: 'bench' },
        granularity: g,
        platforms: ['youtube', 'reddit', 'x', 'recaptcha', 'chatgpt'],
        kinds: ['reaction', 'vote', 'share', 'comment', 'captcha', 'ai-feedback'],
        startDate,
        endDate: '2099-12-31',
      };
      const enrolment = {
        study,
        pseudonym: '00000000-0000-4000-8000-000000000000',
        consentDay: startDate,
      } as unknown as Enrolment;
      const t0 = performance.now();
      const rows = await rowsOf(db, enrolment);
      return { ms: performance.now() - t0, rows: rows.length, actions: rows.reduce((sum, x) => sum + x.count, 0) };
    },
    { g: granularity, days },
  );
}

const PERIODS = [
  ['week', 7],
  ['month', 31],
  ['year', 366],
] as const;

async function research(s: Session, n: number) {
  for (const [name, days] of PERIODS) {
    for (const g of ['day', 'hour'] as const) {
      const r = await exportRows(s, g, days);
      const target = g === 'hour' && name === 'year' && n >= 1_000_000;
      add({
        id: `research.${g}ExportMs.${short(n)}${name === 'year' ? '' : `.${name}`}`,
        group: 'research',
        metric: `rows of a ${name}'s anonymised export by ${g} (${en(n)} events in a year)`,
        value: round(r.ms, 0),
        unit: 'ms',
        ...(target ? { budget: '≤ 500', pass: r.ms <= 500 } : {}),
        note: `${en(r.rows)} rows, ${en(r.actions)} actions`,
      });
    }
  }
}

export interface HistoryParts {
  pages: boolean;
  backup: boolean;
  research: boolean;
}

export async function historyCosts(s: Session, sizes: number[], parts: HistoryParts): Promise<void> {
  for (const n of sizes) {
    const seedMs = await seedHistory(s, n);
    if (parts.pages) {
      await storagePerEvent(s, n);
      await pagesAt(s, n, seedMs);
    }
    if (parts.research && n === Math.max(...sizes)) await research(s, n);
    // Last: the import rewrites the history (the same events, from the backup).
    if (parts.backup && n === 100_000) await backup(s, n);
  }
}
