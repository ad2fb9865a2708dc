/**
 * The core scenarios in Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over WebDriver
 * BiDi, with the Firefox build installed as a temporary add-on: the welcome page opens once at
 * installation, a like counted, undo nets out, the popup shows it. Pages are served at their real
 * addresses from the fixtures, as in Chromium.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportBaseName } from '@/lib/research/format';
import { rng, sumRows, synthExport } from '../unit/class-fixtures';
import { canvasOwner } from './class-page';
import { clearStores, fixture, root, withEmulator } from './harness';
import { withHostileStart } from './hostile';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = resolve(root, process.env.CLICKWORK_OUT_DIR ?? '.output', 'firefox-mv2');
const GECKO_ID = 'clickwork-meter@clickwork.invalid';
// Pinned so that the test knows the extension's pages' address (random per profile otherwise).
const UUID = '0c1c4e2a-5b1d-4e0e-9d3a-0c1c0c0ffee0';
const EXTENSION = `moz-extension://${UUID}`;
const WATCH = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

const available = existsSync(FIREFOX) && existsSync(resolve(BUILD, 'manifest.json'));
if (!available)
  console.warn(
    `Firefox tests skipped: no ${existsSync(FIREFOX) ? 'Firefox build' : FIREFOX} (apt-get install firefox-esr; npm run build).`,
  );

let browser: Browser;
beforeAll(async () => {
  if (!available) return;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Without it Firefox refuses to open moz-extension:// pages for the driver.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'network.dns.disableIPv6': true,
    },
  });
  await browser.installExtension(BUILD);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A page whose requests are answered from fixtures; anything else is refused. */
async function platformPage(edit: (html: string) => string = (h) => h): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  const html = edit(withEmulator(fixture('youtube/watch-rendered.html'), 'youtube'));
  page.on('request', (req) => {
    const url = req.url();
    if (url === WATCH) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith('https://www.youtube.com/youtubei/v1/'))
      return void req.respond({ status: 200, contentType: 'application/json', body: '{}' });
    return void req.abort();
  });
  await page.goto(WATCH);
  return page;
}

/** Opens an extension page: over BiDi its load event never comes, so wait for the document. */
async function extensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION}/${path}`;
  page.goto(url).catch(() => {});
  // Polled by hand: while the tab moves from about:blank to the extension's page, Firefox's BiDi
  // evaluate can fail ("right-hand side of 'in' should be an object, got null"), and
  // waitForFunction gives up on the first such error instead of asking again.
  const end = Date.now() + 20_000;
  for (;;) {
    let ready = false;
    let error: unknown;
    try {
      ready = await page.evaluate((u) => location.href === u && document.readyState === 'complete', url);
    } catch (e) {
      error = e;
    }
    if (ready) return page;
    if (Date.now() > end) throw new Error(`${url} did not load within 20 s`, { cause: error });
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function activeEvents(page: Page): Promise<{ kind: string; platform: string; detail: string; signal: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ kind: string; platform: string; detail: string; signal: string; undoneAt?: number }[]>((res, rej) => {
        const open = indexedDB.open('clickwork');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return res([]);
          const req = db.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => res(req.result.filter((e: { undoneAt?: number }) => !e.undoneAt));
          req.onerror = () => rej(req.error);
        };
      }),
  );
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    v = await read();
  }
  return v;
}

/** Asks the page until `check` says yes (BiDi's evaluate may fail while a page reloads: asked again). */
async function until(page: Page, check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await page.evaluate(check).catch(() => false))) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!available)('Firefox ESR', () => {
  // Each scenario starts from an empty history, also when run again after a failed attempt.
  beforeEach(async () => {
    const page = await extensionPage('popup.html');
    await clearStores(page);
    await page.close();
  });

  it('opens the welcome page once at installation; the interface language chosen there applies at once', async () => {
    // Over BiDi, puppeteer sees a tab the extension opened as about:blank: the browser's own tab list says what it holds.
    const popup = await extensionPage('popup.html');
    const welcomeTabs = () =>
      popup.evaluate(async (url) => {
        const tabs = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).browser
          .tabs;
        return (await tabs.query({})).filter((t) => t.url === url).length;
      }, `${EXTENSION}/welcome.html`);
    expect(await waitFor(welcomeTabs, (n) => n > 0, 15_000)).toBe(1);
    await new Promise((r) => setTimeout(r, 2_000)); // time to (wrongly) open a second one
    expect(await welcomeTabs()).toBe(1);
    await popup.close();

    const page = await extensionPage('welcome.html');
    await until(page, () => document.querySelector('h1')?.textContent === 'Welcome to Clickwork Meter', 'English welcome');
    await page.select('[data-testid="ui-language"]', 'fr');
    await until(
      page,
      () =>
        document.querySelector('h1')?.textContent === 'Bienvenue dans Clickwork Meter' && document.documentElement.lang === 'fr',
      'French after choosing it',
    );
    await until(page, () => Boolean(document.querySelector('[data-testid="ui-language"]')), 'choice drawn again');
    await page.select('[data-testid="ui-language"]', '');
    await until(page, () => document.querySelector('h1')?.textContent === 'Welcome to Clickwork Meter', 'English again');
    await page.close();
  });

  it('counts a like once, nets out its undo, and shows it in the popup', async () => {
    const yt = await platformPage();
    await yt.click('like-button-view-model button');
    const popup = await extensionPage('popup.html');
    await popup.waitForSelector('main[data-state="ready"]');
    const one = await waitFor(
      () => activeEvents(popup),
      (e) => e.length === 1 && e[0]?.signal === 'dom+network',
    );
    expect(one).toMatchObject([{ kind: 'reaction', platform: 'youtube', detail: 'like', signal: 'dom+network' }]);

    // The popup shows it (it redraws when the background announces the change).
    await popup.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent === '1', { timeout: 10_000 });
    const platforms = await popup.$eval('[data-testid="by-platform"]', (el) => el.textContent ?? '');
    expect(platforms).toContain('YouTube');

    // Unlike: nothing is left.
    await yt.bringToFront();
    await yt.click('like-button-view-model button');
    expect(
      await waitFor(
        () => activeEvents(popup),
        (e) => e.length === 0,
      ),
    ).toEqual([]);
    // The popup, open all along, redraws on the background's write: its total is gone.
    await popup.waitForSelector('[data-testid="empty"], [data-testid="empty-period"]', { timeout: 10_000 });
    await yt.close();
    await popup.close();
  });

  it('a page listening from its first byte receives no message and cannot stop a like from counting', async () => {
    const yt = await platformPage((html) => withHostileStart(html, GECKO_ID));
    await new Promise((r) => setTimeout(r, 1_000)); // the page keeps replaying and guessing meanwhile
    await yt.click('like-button-view-model button');
    const popup = await extensionPage('popup.html');
    const one = await waitFor(
      () => activeEvents(popup),
      (e) => e.length === 1 && e[0]?.signal === 'dom+network',
    );
    expect(one).toMatchObject([{ kind: 'reaction', platform: 'youtube', detail: 'like', signal: 'dom+network' }]);
    expect(await yt.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    // Unliked again, so that the other scenarios start from nothing.
    await yt.bringToFront();
    await yt.click('like-button-view-model button');
    expect(
      await waitFor(
        () => activeEvents(popup),
        (e) => e.length === 0,
      ),
    ).toEqual([]);
    await yt.close();
    await popup.close();
  });

  it('counts nothing when the page loads or clicks its own button from script', async () => {
    const yt = await platformPage();
    await yt.evaluate(() => (document.querySelector('like-button-view-model button') as HTMLElement).click());
    await new Promise((r) => setTimeout(r, 2_000));
    const popup = await extensionPage('popup.html');
    expect(await activeEvents(popup)).toEqual([]);
    await yt.close();
    await popup.close();
  });

  it('merges an export on the class page and draws its three charts in the chart worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clickwork-ff-class-'));
    const student = synthExport(rng(20261203), { rows: 12 });
    const file = join(dir, `${exportBaseName(student)}.json`);
    writeFileSync(file, JSON.stringify(student));
    const page = await extensionPage('class.html');
    await until(page, () => Boolean(document.querySelector('[data-testid="class-files"]')), 'class page drawn');
    const input = await page.$('input[data-testid="class-files"]');
    await (input as NonNullable<typeof input>).uploadFile(file);
    await until(page, () => Boolean(document.querySelector('[data-testid="total-actions"]')), 'totals');
    expect(await page.$eval('[data-testid="total-actions"]', (e) => e.getAttribute('data-value'))).toBe(
      String(sumRows([student]).actions),
    );
    // Each canvas was handed to the worker (the page can no longer draw on it) and drawn there.
    await until(
      page,
      () =>
        [...document.querySelectorAll('canvas[data-testid^="chart-"]')].filter((c) =>
          /^\d+$/.test((c as HTMLElement).dataset.drawn ?? ''),
        ).length === 3,
      'three charts drawn',
    );
    const owners: string[] = [];
    for (const canvas of await page.$$('canvas[data-testid^="chart-"]')) owners.push(await canvas.evaluate(canvasOwner));
    expect(owners).toEqual(['worker', 'worker', 'worker']);
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
