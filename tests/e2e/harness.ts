import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Request,
  type Route,
  type Worker,
} from 'playwright-core';
import { readRealPage, realPages } from '../real-pages';
import { withoutScripts, X_ARTICLE_ID } from '../real-trims';

export const root = resolve(import.meta.dirname, '../..');
/** The built extension; CLICKWORK_OUT_DIR selects another build folder (as for `wxt build`). */
export const EXTENSION_DIR =
  process.env.CLICKWORK_EXTENSION_DIR ?? resolve(root, process.env.CLICKWORK_OUT_DIR ?? '.output', 'chrome-mv3');

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export const fixture = (p: string) => readFileSync(resolve(root, 'tests/fixtures', p), 'utf8');
/** A saved real page from ../shared, or undefined when absent (see tests/real-pages.ts: CI fails instead). */
export const capture = (name: string): string | undefined => {
  const pages = realPages(name);
  return pages.skip ? undefined : pages.read(name);
};
const emulator = (name: string) => readFileSync(resolve(root, 'tests/e2e/emulators', `${name}.js`), 'utf8');

/** A fixture page with the platform emulator appended, as the platform's own script. */
export function withEmulator(html: string, name: string): string {
  const script = `<script>${emulator(name)}</script>`;
  return html.includes('</body>') ? html.replace('</body>', `${script}</body>`) : html + script;
}

const bframeBody = () => /<body>([\s\S]*)<\/body>/.exec(fixture('recaptcha/bframe.html'))?.[1] ?? '';

/** The real YouTube watch page (server HTML, logged out, 2024-06) served at URLS.youtubeSsr. */
export const YOUTUBE_SSR = 'youtube_watch_ssr_loggedout_2024-06.html';

export const URLS = {
  youtube: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  youtubeFr: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&hl=fr',
  youtubeSsr: 'https://www.youtube.com/watch?v=eiHXASgRTcA',
  x: 'https://x.com/TestUser123/status/1981398750557065646',
  shop: 'https://shop.example/checkout',
};

export type Handler = (route: Route, request: Request) => Promise<void> | void;
export type RouteEntry = [RegExp, Handler];

/** Serves HTML, as a platform's server would. */
export const htmlRoute =
  (body: string): Handler =>
  (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });

/** Serves HTML made when the page is visited: real pages are read from ../shared only by the tests that visit them. */
export const lazyHtmlRoute =
  (body: () => string): Handler =>
  (route, request) =>
    htmlRoute(body())(route, request);

/** Answers an endpoint with JSON (`{}` unless given), as the platform accepting the action. */
export const jsonRoute =
  (body = '{}'): Handler =>
  (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body });

/** Platform pages at their real addresses, served from fixtures; endpoints answer like the platform. */
function routes(): RouteEntry[] {
  const html = (body: string) => (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  const json = (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
  return [
    [
      /^https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ&hl=fr$/,
      html(withEmulator(fixture('youtube/watch-rendered.fr.html'), 'youtube')),
    ],
    [
      /^https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ$/,
      html(withEmulator(fixture('youtube/watch-rendered.html'), 'youtube')),
    ],
    // The real server-rendered page, read from ../shared when visited (tests that visit it declare it
    // with realPages(YOUTUBE_SSR)), its own scripts removed (they would fetch the player from the network).
    [/^https:\/\/www\.youtube\.com\/watch\?v=eiHXASgRTcA$/, lazyHtmlRoute(() => withoutScripts(readRealPage(YOUTUBE_SSR)))],
    [/^https:\/\/www\.youtube\.com\/youtubei\/v1\//, json],
    [/^https:\/\/x\.com\/TestUser123\/status\/\d+$/, html(withEmulator(fixture('x/timeline.html'), 'x'))],
    [/^https:\/\/x\.com\/i\/api\/graphql\//, json],
    [/^https:\/\/shop\.example\/checkout/, html(withEmulator(fixture('recaptcha/shop.html'), 'recaptcha'))],
    [/^https:\/\/www\.google\.com\/recaptcha\/api2\/anchor\?/, html(withEmulator(fixture('recaptcha/anchor.html'), 'recaptcha'))],
    [
      /^https:\/\/www\.google\.com\/recaptcha\/api2\/bframe\?/,
      html(
        withEmulator(`<!doctype html><html><body><template id="challenge">${bframeBody()}</template></body></html>`, 'recaptcha'),
      ),
    ],
  ];
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request the browser made, routed or not. */
  requests: { url: string; method: string; fromExtension: boolean; routed: boolean }[];
  close(): Promise<void>;
}

const BUILT_DIR = EXTENSION_DIR;

/** Starts Chromium with the built extension; `routes` come before the built-in ones. */
export async function launch(
  options: {
    routes?: RouteEntry[];
    lang?: string;
    extension?: boolean;
    args?: string[];
    ignoreHTTPSErrors?: boolean;
    extensionDir?: string;
    keepWelcome?: boolean;
  } = {},
): Promise<Session> {
  const withExtension = options.extension !== false;
  // Another folder: a copy of the build with a changed manifest (weekly.e2e.ts).
  const EXTENSION_DIR = options.extensionDir ?? BUILT_DIR;
  if (!existsSync(chromiumPath())) {
    throw new Error(`No Chromium at ${chromiumPath()}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'clickwork-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    ...(options.ignoreHTTPSErrors ? { ignoreHTTPSErrors: true } : {}),
    ...(options.lang
      ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` } }
      : {}),
    viewport: { width: 1100, height: 800 },
    args: [
      // Without the extension: the same browser, for baselines (npm run bench).
      ...(withExtension
        ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
        : ['--disable-extensions']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Lets the tests reload the extension over the DevTools protocol, as an update would.
      '--enable-unsafe-extension-debugging',
      // Nothing resolves: a request that escapes the routes below fails instead of leaving the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...(options.args ?? []),
    ],
  });
  const requests: Session['requests'] = [];
  let worker: Worker;
  let extensionId: string;
  // A browser that started but could not be made ready (no service worker within the timeout) is
  // closed, not left running behind the failure.
  try {
    const table = [...(options.routes ?? []), ...routes()];
    await context.route('**/*', async (route, request) => {
      const url = request.url();
      // The extension's own pages and files load from the extension, not the network.
      if (url.startsWith('chrome-extension://')) return route.continue();
      const hit = table.find(([re]) => re.test(url));
      if (hit) await hit[1](route, request);
      else await route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      const frameUrl = (() => {
        try {
          return request.frame().url();
        } catch {
          return '';
        }
      })();
      requests.push({
        url: request.url(),
        method: request.method(),
        fromExtension:
          Boolean(request.serviceWorker()) ||
          frameUrl.startsWith('chrome-extension://') ||
          request.url().startsWith('chrome-extension://'),
        routed: table.some(([re]) => re.test(request.url())),
      });
    });
    worker = withExtension
      ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')))
      : (undefined as unknown as Worker);
    extensionId = withExtension ? new URL(worker.url()).host : '';
    // A fresh profile is a first installation: the welcome page opens (welcome.e2e.ts checks it). Other
    // tests start without it, so that the next page they wait for is the one they open.
    if (withExtension && !options.keepWelcome) await (await welcomePage(context, extensionId)).close();
  } catch (error) {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    extensionId,
    worker,
    requests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The welcome page the installation opened (waited for: the worker opens it right after starting). */
export async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the welcome page did not open on installation');
}

/** Stops the extension's service worker, as the browser does when it is idle or under pressure. */
export async function stopServiceWorker(s: Session): Promise<void> {
  const cdp = await s.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no browser CDP session');
  for (const t of await workerTargets(cdp, s)) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  await cdp.detach();
}

/** How many service workers of the extension run now (0: the next event wakes a new one). */
export async function runningServiceWorkers(s: Session): Promise<number> {
  const cdp = await s.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no browser CDP session');
  const n = (await workerTargets(cdp, s)).length;
  await cdp.detach();
  return n;
}

async function workerTargets(cdp: CDPSession, s: Session): Promise<{ targetId: string }[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string; targetId: string }[];
  };
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(s.extensionId));
}

export interface StoredEvent {
  kind: string;
  platform: string;
  detail: string;
  signal: string;
  ts: number;
  durationMs?: number;
  rounds?: number;
  host?: string;
  targetKey?: string;
  undoneAt?: number;
}

/** The extension's stored events, read from the database in an extension page. */
export async function storedEvents(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolveAll, reject) => {
        const open = indexedDB.open('clickwork');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return resolveAll([]);
          const req = db.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => {
            resolveAll(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

export async function openPopup(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  page.on('pageerror', (e) => console.error('[popup error]', e));
  await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
  // Rendered means the database was opened (and created) by the popup's own code.
  await page.locator('main[data-state="ready"]').waitFor();
  return page;
}

/** Active (not undone) events, polled until `until` accepts them or the time runs out. */
export async function waitForEvents(
  page: Page,
  until: (events: StoredEvent[]) => boolean,
  timeoutMs = 8_000,
): Promise<StoredEvent[]> {
  const deadline = Date.now() + timeoutMs;
  let events: StoredEvent[] = [];
  while (Date.now() < deadline) {
    events = (await storedEvents(page)).filter((e) => !e.undoneAt);
    if (until(events)) return events;
    await page.waitForTimeout(100);
  }
  return events;
}

/** Waits long enough for any sighting to have been stored (the watch windows of the runtime). */
export const settle = (page: Page, ms = 1_500) => page.waitForTimeout(ms);

/** Noon, `n` days ago: safely inside the day whatever the time of the run. */
export const daysAgo = (n: number) => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - n, 12).getTime();
};

/** Clears stored events between scenarios, through the extension's own page. */
export async function resetDb(s: Session): Promise<void> {
  const page = await openPopup(s);
  await clearStores(page);
  await page.close();
}

/**
 * Loads each page, hovers every control, scrolls, and clicks likes from script (untrusted): none
 * of it may count. Returns the events stored afterwards (expected: none).
 */
export async function idleVisit(s: Session, urls: string[]): Promise<StoredEvent[]> {
  for (const url of urls) {
    const page = await s.context.newPage();
    await page.goto(url);
    for (const el of await page.locator('button, [role="button"], a, [data-testid]').all()) {
      if (await el.isVisible().catch(() => false)) await el.hover({ timeout: 1_000 }).catch(() => {});
    }
    await page.mouse.wheel(0, 800);
    await page.mouse.wheel(0, -800);
    await settle(page, 800);
    await page.close();
  }
  const popup = await openPopup(s);
  await settle(popup);
  const events = (await storedEvents(popup)).filter((e) => !e.undoneAt);
  await popup.close();
  return events;
}

/** An X status page with `n` posts: X's real article (readRealPage(X_ARTICLE)) repeated, each with its own id. */
export function manyPostsPage(n: number, article: string): string {
  const copies = Array.from({ length: n }, (_, i) =>
    article.replaceAll(X_ARTICLE_ID, String(BigInt(X_ARTICLE_ID) + BigInt(i + 1))),
  );
  return fixture('x/timeline.html').replace(/<article\b[\s\S]*?<\/article>/, () => copies.join('\n'));
}

export interface SeedEvent {
  kind: string;
  platform: string;
  detail: string;
  ts: number;
  durationMs?: number;
}

/** Writes events and their per-day and per-hour rollups straight into the database, from an extension page. */
export async function seedEvents(page: Page, events: SeedEvent[]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolveSeed, reject) => {
        const open = indexedDB.open('clickwork');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['events', 'daily', 'hours'], 'readwrite');
          type Rollup = Record<string, string | number> & { count: number; measuredMs: number; measuredCount: number };
          type Hours = Record<string, unknown> & { count: number[]; measuredMs: number[]; measuredCount: number[] };
          const daily = new Map<string, Rollup>();
          // Schema version 6: a day's hours in one row of 24 slots per field (lib/db/hours.ts).
          const hours = new Map<string, Hours>();
          const slots = () => new Array<number>(24).fill(0);
          const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
          const bump = (map: Map<string, Rollup>, key: string, base: Record<string, string | number>, e: SeedEvent) => {
            const r = map.get(key) ?? { ...base, count: 0, measuredMs: 0, measuredCount: 0 };
            r.count++;
            if (e.durationMs !== undefined) {
              r.measuredMs += e.durationMs;
              r.measuredCount++;
            }
            map.set(key, r);
          };
          for (const e of rows) {
            const d = new Date(e.ts);
            const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
            const hour = d.getHours();
            // Stamped as the intake stamps events (schema version 4: lib/db/local-time.ts).
            tx.objectStore('events').add({ ...e, signal: 'dom+network', day, hour, utcOffset: -d.getTimezoneOffset() || 0 });
            const base = { day, platform: e.platform, kind: e.kind, detail: e.detail };
            const key = `${day}|${e.platform}|${e.kind}|${e.detail}`;
            bump(daily, key, base, e);
            const h = hours.get(key) ?? { ...base, count: slots(), measuredMs: slots(), measuredCount: slots() };
            (h.count[hour] as number)++;
            if (e.durationMs !== undefined) {
              (h.measuredMs[hour] as number) += e.durationMs;
              (h.measuredCount[hour] as number)++;
            }
            hours.set(key, h);
          }
          for (const r of daily.values()) tx.objectStore('daily').put(r);
          for (const r of hours.values()) tx.objectStore('hours').put(r);
          tx.oncomplete = () => {
            db.close();
            resolveSeed();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    events,
  );
}

/**
 * Writes rows into one store of the extension's database exactly as given, bypassing every check:
 * how a bug, an older version or another tool could have left them (issue 12).
 */
export async function putRawRows(page: Page, store: 'events' | 'daily' | 'meta' | 'health', rows: unknown[]): Promise<void> {
  await page.evaluate(
    ([name, values]) =>
      new Promise<void>((resolvePut, reject) => {
        const open = indexedDB.open('clickwork');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, 'readwrite');
          for (const v of values) tx.objectStore(name).put(v);
          tx.oncomplete = () => {
            db.close();
            resolvePut();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, rows] as const,
  );
}

/**
 * A still copy of an extension page as it is at this moment, in a new tab of the same browser: the
 * same document and stylesheets, but none of its scripts run in the copy. For a slow check (an axe
 * scan takes seconds) of a state that lasts less than that, such as the class page's progress bar
 * while a fast machine reads the files. Close it after use.
 */
export async function stillCopy(page: Page): Promise<Page> {
  const { attributes, inner } = await page.evaluate(() => ({
    attributes: [...document.documentElement.attributes].map((a) => [a.name, a.value] as [string, string]),
    inner: document.documentElement.innerHTML,
  }));
  const copy = await page.context().newPage();
  const size = page.viewportSize();
  if (size) await copy.setViewportSize(size);
  // The same address, so that the copy's stylesheets resolve as the page's do; then its own app is
  // replaced by the copied markup (scripts inserted as markup do not run).
  await copy.goto(page.url());
  await copy.locator('main').waitFor();
  await copy.evaluate(
    async ([attrs, html]) => {
      document.documentElement.innerHTML = html;
      for (const [name, value] of attrs) document.documentElement.setAttribute(name, value);
      // Every stylesheet loaded (or failed: the scan then sees the page without it, as a person would), then the fonts.
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
      const settled = (l: HTMLLinkElement) =>
        new Promise((done) => {
          l.addEventListener('load', done, { once: true });
          l.addEventListener('error', done, { once: true });
          setTimeout(done, 10_000);
        });
      await Promise.all(links.map((l) => (l.sheet ? undefined : settled(l))));
      await document.fonts.ready;
    },
    [attributes, inner] as const,
  );
  return copy;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (through the DevTools protocol, so the page's CSP does not block it). */
export async function seriousViolations(page: Page): Promise<string[]> {
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

/**
 * Empties every store of the extension's database but the settings (`meta`): events, rollups,
 * gestures and parked requests. `page` is an extension page, in Chromium or Firefox.
 */
export async function clearStores(page: { evaluate(fn: () => Promise<void>): Promise<unknown> }): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolveClear, reject) => {
        const open = indexedDB.open('clickwork');
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].filter((n) => n !== 'meta');
          if (!names.length) {
            db.close();
            return resolveClear();
          }
          const tx = db.transaction(names, 'readwrite');
          for (const name of names) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            db.close();
            resolveClear();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}
