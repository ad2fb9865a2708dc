/**
 * `npm run bench`: speed and memory of the built extension in headless Chromium. Every row carries
 * an id (issue 14's targets), value, unit, budget and pass; the run fails (exits non-zero) when a
 * budget fails, a row that could not be measured included. Prints a table and writes
 * bench-results/bench.json and bench.md. BENCH_PARTS (comma-separated: size, page, ingest, pages,
 * backup, research, class) runs some parts only; BENCH_HISTORY the history sizes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { EXTENSION_DIR, launch, root, type Session } from '../e2e/harness';
import { classMerge } from './class';
import { historyCosts, writeFloorPage } from './history';
import { MAX_ROUNDS, pageCosts } from './page';
import { add, KB, notMeasured, round, rows, table } from './rows';
import type { Bench } from './worker';

const ALL_PARTS = ['size', 'page', 'ingest', 'pages', 'backup', 'research', 'class'] as const;
type Part = (typeof ALL_PARTS)[number];
const PARTS = new Set((process.env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',') as Part[]);
const INGEST = 10_000;

/** Each part's budgeted rows: a part that throws leaves them not measured (a failure). */
const TARGETS: Record<Part, [string, string, string, string][]> = {
  size: [['contentScript.maxKB', 'content script', 'KB', '≤ 15']],
  page: [
    ['page.clicks.ratio', 'page', '×', '≤ 1.02'],
    ['page.mutations.ratio', 'page', '×', '≤ 1.02'],
    ['page.aa.ratio', 'page', '×', 'contains 1.00'],
    ['page.longTasks', 'page', 'tasks', '0'],
    ['page.heapAddedKB', 'page', 'KB', '≤ 500'],
  ],
  ingest: [
    ['ingest.perSecond', 'ingest', 'events/s', '≥ 5,000'],
    ['ingest.lost', 'ingest', 'events', '0'],
  ],
  pages: [
    ['popup.firstChartMs.1M', 'popup', 'ms', '≤ 100'],
    ['dashboard.firstChartMs.1M', 'dashboard', 'ms', '≤ 200'],
    ['serviceWorker.heapMB.1M', 'service worker', 'MB', '≤ 20'],
  ],
  backup: [
    ['backup.exportMs.100k', 'backup', 'ms', '≤ 1,000'],
    ['backup.importMs.100k', 'backup', 'ms', '≤ 2,000'],
  ],
  research: [['research.hourExportMs.1M', 'research', 'ms', '≤ 500']],
  class: [['class.mergeMs.10k', 'class', 'ms', '≤ 10,000']],
};

function contentScriptSizes() {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const sizes = readdirSync(dir)
    .filter((x) => x.endsWith('.js'))
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      return { name: f.replace('.js', ''), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
  const [max] = sizes;
  if (!max) throw new Error(`no content script in ${dir}`);
  add({
    id: 'contentScript.maxKB',
    group: 'content script',
    metric: `largest content script, raw (${max.name}; ${sizes.length} scripts)`,
    value: round(max.raw / KB, 1),
    unit: 'KB',
    budget: '≤ 15',
    pass: max.raw <= 15 * KB,
    note: `smallest ${round((sizes.at(-1)?.raw ?? 0) / KB, 1)} KB; gzip ${round(Math.min(...sizes.map((x) => x.gzip)) / KB, 1)}–${round(max.gzip / KB, 1)} KB`,
  });
}

/** A burst of sightings through the background's real intake into IndexedDB. */
async function ingest(s: Session) {
  const r = await s.worker.evaluate(async (n) => {
    const { collector, db } = (globalThis as unknown as { clickworkBench: Bench }).clickworkBench;
    await db.events.clear();
    await db.daily.clear();
    await db.hours.clear();
    const url = 'https://www.youtube.com/watch?v=bench';
    const sender = {
      id: (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
      url,
      tab: { id: 1, url },
    };
    const t0 = performance.now();
    const receipts = [];
    for (let i = 0; i < n; i++) {
      const message = {
        type: 'sighting',
        id: `bench-${i}-xxxxxxxx`,
        platform: 'youtube',
        action: 'like',
        op: 'add',
        target: `video-${i}`,
        ts: Date.now(),
      };
      receipts.push(collector.receive(message, sender));
    }
    const settled = await Promise.allSettled(receipts.map((x) => (x.ok ? x.stored : Promise.reject(new Error(x.error)))));
    const refused = settled.filter((x) => x.status === 'rejected') as PromiseRejectedResult[];
    const failed = refused[0];
    const error = failed && `${failed.reason?.name}: ${failed.reason?.message} ${failed.reason?.inner?.message ?? ''}`;
    return { ms: performance.now() - t0, stored: await db.events.count(), error, refused: refused.length };
  }, INGEST);
  const perSecond = round(INGEST / (r.ms / 1000), 0);
  add({
    id: 'ingest.perSecond',
    group: 'ingest',
    metric: `${INGEST.toLocaleString('en')} sightings in a burst`,
    value: perSecond,
    unit: 'events/s',
    budget: '≥ 5,000',
    pass: perSecond >= 5000,
  });
  add({
    id: 'ingest.lost',
    group: 'ingest',
    metric: 'sightings lost',
    value: INGEST - r.stored,
    unit: 'events',
    budget: '0',
    pass: r.stored === INGEST,
  });
  // A receipt refused is a message the content script sends again: stored or not, the intake failed it.
  add({
    id: 'ingest.refused',
    group: 'ingest',
    metric: `receipts refused${r.error ? ` (first: ${r.error.trim()})` : ''}`,
    value: r.refused,
    unit: 'receipts',
    budget: '0',
    pass: r.refused === 0,
  });
}

/**
 * The benchmark measures what ships: a development build (Preact's devtools hooks, and the tab
 * opened on install, which hides the first measured page; `wxt build --mode <other>` made one) is
 * refused. `npm run bench` builds the release build with WXT_BENCH=1, which adds only the hook.
 */
function assertProductionBuild() {
  const dir = join(EXTENSION_DIR, 'chunks');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
    if (readFileSync(join(dir, f), 'utf8').includes('__PREACT_DEVTOOLS__')) {
      throw new Error(`${EXTENSION_DIR} is a development build: build it with NODE_ENV=production (npm run bench does).`);
    }
  }
}

/** Runs one part; what it could not measure is recorded as failed rows. */
async function part(name: Part, run: () => Promise<void> | void) {
  if (!PARTS.has(name)) return;
  try {
    await run();
  } catch (error) {
    console.error(`[bench] part ${name} failed`, error);
  }
  for (const [id, group, unit, budget] of TARGETS[name]) {
    if (!rows.some((r) => r.id === id)) notMeasured(id, group, id, unit, budget, `part ${name} did not produce it`);
  }
}

async function extensionParts() {
  const s = await launch();
  try {
    if (!(await s.worker.evaluate(() => 'clickworkBench' in globalThis))) {
      throw new Error('Not the benchmark build: run `npm run bench` (it builds with WXT_BENCH=1).');
    }
    // Only into the benchmark's own build (Chrome reads an unpacked extension's files when asked for them).
    if (PARTS.has('pages')) writeFloorPage(EXTENSION_DIR);
    await part('ingest', () => ingest(s));
    const history = { pages: PARTS.has('pages'), backup: PARTS.has('backup'), research: PARTS.has('research') };
    const sizes = (process.env.BENCH_HISTORY ?? '1000,100000,1000000').split(',').map(Number);
    const wanted = history.pages ? sizes : [...(history.backup ? [100_000] : []), ...(history.research ? [1_000_000] : [])];
    const run = historyCosts(s, wanted, history);
    // One run serves the three parts; each checks its own rows.
    const done = run.then(
      () => undefined,
      (e: unknown) => e,
    );
    for (const name of ['pages', 'backup', 'research'] as const) {
      await part(name, async () => {
        const error = await done;
        if (error) throw error;
      });
    }
    await part('class', () => classMerge(s));
  } finally {
    await s.close();
  }
}

it('benchmark', { timeout: 3_600_000 }, async () => {
  assertProductionBuild();
  const started = Date.now();
  await part('size', contentScriptSizes);
  await part('page', pageCosts);
  await extensionParts();
  const md = table();
  console.log(`\n${md}\n`);
  const out = resolve(root, 'bench-results');
  mkdirSync(out, { recursive: true });
  const meta = {
    date: new Date().toISOString(),
    minutes: round((Date.now() - started) / 60_000, 1),
    maxPageRounds: MAX_ROUNDS,
    parts: [...PARTS],
  };
  writeFileSync(join(out, 'bench.json'), JSON.stringify({ ...meta, rows }, null, 2));
  writeFileSync(join(out, 'bench.md'), `${md}\n`);
  const failed = rows.filter((r) => r.pass === false).map((r) => `${r.id}: ${r.value} ${r.unit} (budget ${r.budget})`);
  expect(failed, 'budgets failed').toEqual([]);
});
