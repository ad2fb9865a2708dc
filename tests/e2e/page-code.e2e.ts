import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, openPopup, resetDb, root, type Session, seedEvents } from './harness';

/**
 * What the popup and the dashboard load before their first chart (issue 14): the detectors' code
 * (`detectors` chunk) and the research files' code (`research-lib` chunk) come after it, asked for by
 * the parts that need them (wxt.config.ts). Read from both built packages, then watched in Chromium.
 */
const BUILDS = {
  chrome: EXTENSION_DIR,
  firefox: resolve(root, process.env.CLICKWORK_OUT_DIR ?? '.output', 'firefox-mv2'),
};
const LATE = /^chunks\/(detectors|research-lib)-[\w-]+\.js$/;

/** The files a module imports statically (`import … from`, `import "…"`, `export … from`; not `import()`). */
function staticImports(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  // Minified: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`.
  return [...code.matchAll(/\b(?:import|export)\s*(?:[\w${},*\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) =>
    join(file, '..', m[1] as string),
  );
}

/** The files a module loads before it runs: its static imports, and theirs. */
function staticGraph(dir: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const f of staticImports(dir, file)) visit(f);
  };
  visit(entry);
  return seen;
}

/** A cycle of static imports among the chunks, as the list of files around it, or null. */
function chunkCycle(dir: string): string[] | null {
  const files = readdirSync(join(dir, 'chunks'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `chunks/${f}`);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const f of staticImports(dir, file)) {
      const cycle = visit(f);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const f of files) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

/** The module scripts and preloads of a built page, as paths in the package. */
function pageScripts(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  return [...text.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
}

for (const [browser, dir] of Object.entries(BUILDS)) {
  describe(`the ${browser} package's pages`, () => {
    for (const html of ['popup.html', 'options.html']) {
      it(`${html} loads neither the detectors nor the research code before it runs`, () => {
        const scripts = pageScripts(dir, html);
        expect(scripts.length).toBeGreaterThan(1);
        const loaded = new Set(scripts.flatMap((s) => [...staticGraph(dir, s)]));
        expect(loaded.size).toBeGreaterThanOrEqual(scripts.length);
        expect([...loaded].filter((f) => LATE.test(f))).toEqual([]);
        // The page asks for the detectors' code later (a dynamic import).
        const all = [...loaded].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
        expect(/import\([`"']\.\/detectors-[\w-]+\.js[`"']\)/.test(all)).toBe(true);
      });
    }

    it('has no cycle of static imports among its chunks (each loads after what it imports)', () => {
      const app = pageScripts(dir, 'options.html').find((f) => /^chunks\/app-/.test(f));
      expect(app).toBeDefined();
      for (const f of staticGraph(dir, app as string)) expect(f, `${app} loads ${f}`).not.toMatch(LATE);
      expect(chunkCycle(dir)).toBeNull();
    });
  });
}

describe('in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  /** When the page's first chart was drawn, in ms since 1970 (the page's clock is the machine's). */
  const chartAt = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      const mark = performance.getEntriesByName('clickwork:first-chart')[0];
      return mark ? performance.timeOrigin + mark.startTime : Number.NaN;
    });

  it('the popup and the dashboard draw their chart first, then load the detectors for the health panel', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    const now = Date.now();
    await seedEvents(popup, [
      { kind: 'reaction', platform: 'youtube', detail: 'like', ts: now - 60_000 },
      { kind: 'vote', platform: 'reddit', detail: 'up', ts: now - 120_000 },
    ]);
    await popup.reload();
    for (const path of ['popup.html', 'options.html']) {
      const page = await s.context.newPage();
      const errors: Error[] = [];
      page.on('pageerror', (e) => errors.push(e));
      // Resource timing leaves extension files out: the requests are watched through the browser's
      // protocol instead, each with the browser's own time of its start.
      const files: { path: string; at: number }[] = [];
      page.on('requestfinished', (r) => {
        const url = new URL(r.url());
        if (url.pathname.endsWith('.js')) files.push({ path: url.pathname.slice(1), at: r.timing().startTime });
      });
      await page.goto(`chrome-extension://${s.extensionId}/${path}`);
      await page.locator('main[data-state="ready"]').waitFor();
      // The health details list the two platforms with their last action: drawn from the registry.
      const health = page.getByTestId('health-details');
      await health.locator('li').nth(1).waitFor({ state: 'attached' });
      expect(await health.locator('li').count()).toBe(2);
      const chart = await chartAt(page);
      expect(chart, path).toBeGreaterThan(0);
      expect(files.length, path).toBeGreaterThan(2);
      const late = files.filter((f) => LATE.test(f.path));
      expect(
        late.map((f) => f.path.split('-')[0]),
        path,
      ).toEqual(['chunks/detectors']);
      // Asked for after the chart was drawn (the page's clock against the browser's: 5 ms of leeway;
      // asked for beside the health read, as the popup did before, it came ~25 ms before the chart).
      for (const f of late) expect(f.at, `${path}: ${f.path}`).toBeGreaterThanOrEqual(chart - 5);
      expect(errors).toEqual([]);
      await page.close();
    }
    await popup.close();
  });
});
