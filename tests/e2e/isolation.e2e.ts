/**
 * The content scripts are invisible to the page and follow the user's tracking choices: a page that
 * listens from its first byte hears nothing from the extension and cannot stop a vote from counting;
 * switched off or paused, a platform's page sends the background nothing, and switching back on
 * resumes without a reload.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_PORT } from '@/lib/messages';
import {
  EXTENSION_DIR,
  fixture,
  htmlRoute,
  launch,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  URLS,
  waitForEvents,
  withEmulator,
} from './harness';
import { withHostileStart } from './hostile';

const HOSTILE_URL = 'https://www.youtube.com/watch?v=h0stilePage1';

/** Every message the service worker receives from a tab, from now on (type and platform). */
async function watchWorker(s: Session): Promise<() => Promise<string[]>> {
  await s.worker.evaluate(() => {
    type Listener = (m: unknown, sender?: { tab?: unknown }) => void;
    type Port = { sender?: { tab?: unknown }; onMessage: { addListener(f: Listener): void } };
    const g = globalThis as unknown as {
      __fromTabs?: string[];
      chrome: {
        runtime: { onMessage: { addListener(f: Listener): void }; onConnect: { addListener(f: (p: Port) => void): void } };
      };
    };
    if (!g.__fromTabs) {
      const note = (m: unknown, sender?: { tab?: unknown }) => {
        const msg = m as { type?: string; platform?: string } | null;
        if (sender?.tab) g.__fromTabs?.push(`${msg?.type}:${msg?.platform}`);
      };
      g.chrome.runtime.onMessage.addListener(note);
      // Gestures and health reports come on the intake port (lib/content/entry.ts).
      g.chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((m) => note(m, port.sender)));
    }
    g.__fromTabs = [];
  });
  return () => s.worker.evaluate(() => [...((globalThis as unknown as { __fromTabs: string[] }).__fromTabs ?? [])]);
}

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [
        /^https:\/\/www\.youtube\.com\/watch\?v=h0stilePage1$/,
        (route) => {
          const page = withEmulator(fixture('youtube/watch-rendered.html'), 'youtube');
          return htmlRoute(withHostileStart(page, s.extensionId))(route, route.request());
        },
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

describe('a page cannot see or stop the content scripts', () => {
  it('the built content scripts announce nothing to the page and open no database', () => {
    const dir = join(EXTENSION_DIR, 'content-scripts');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const code = readFileSync(join(dir, f), 'utf8');
      for (const word of ['content-script-started', 'indexedDB'])
        expect(code.includes(word), `${f} contains ${word}`).toBe(false);
      // One postMessage only: on the extension's own intake port, opened just before it (lib/content/entry.ts),
      // never the page's window.postMessage.
      const port = code.indexOf(`connect({name:\`${INTAKE_PORT}\`})`);
      const posts = [...code.matchAll(/postMessage/g)].map((m) => m.index);
      expect(port, `${f} opens the intake port`).toBeGreaterThan(0);
      expect(posts, `${f} posts only on the intake port`).toHaveLength(1);
      expect((posts[0] as number) - port).toBeGreaterThan(0);
      expect((posts[0] as number) - port).toBeLessThan(200);
    }
  });

  it('a page listening from its first byte receives no message and cannot stop a like from counting', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto(HOSTILE_URL);
    await page.waitForLoadState('load');
    await settle(page, 1_000); // the page keeps replaying and guessing meanwhile
    await page.locator('like-button-view-model button').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([{ kind: 'reaction', platform: 'youtube', detail: 'like', signal: 'dom+network' }]);
    await settle(popup);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await page.close();
    await popup.close();
  });
});

/** Evaluates `expression` in the extension's isolated world of the page's main frame (the content script's globals). */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated');
  if (!world) throw new Error('no isolated world: the content script did not run');
  const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
  await cdp.detach();
  return result.value;
}

async function likeTwice(page: Page): Promise<void> {
  const like = page.locator('like-button-view-model button');
  await like.click();
  await like.click();
}

describe('off means off in the page', () => {
  it('a platform switched off sends nothing (no gesture, health or sighting); switched on, it counts without a reload', async () => {
    await resetDb(s);
    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dash.getByTestId('switch-youtube').uncheck();
    await settle(dash, 300);
    const received = await watchWorker(s);
    const yt = await s.context.newPage();
    await yt.goto(URLS.youtube);
    await settle(yt, 2_000); // past the first health check
    await likeTwice(yt);
    await settle(yt, 1_500);
    expect((await received()).filter((m) => m.endsWith(':youtube'))).toEqual([]);

    await dash.getByTestId('switch-youtube').check();
    await settle(dash, 300);
    await yt.locator('like-button-view-model button').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([{ platform: 'youtube', detail: 'like', signal: 'dom+network' }]);
    // Seen by the watcher as they came, on the port and as messages.
    expect(await received()).toEqual(expect.arrayContaining(['gesture:youtube', 'sighting:youtube']));
    for (const p of [dash, yt, popup]) await p.close();
  });

  it('a content script can tell a private window: extension.inIncognitoContext is a boolean there (false here)', async () => {
    const yt = await s.context.newPage();
    await yt.goto(URLS.youtube);
    expect(await inContentScript(yt, 'typeof chrome.extension?.inIncognitoContext')).toBe('boolean');
    expect(await inContentScript(yt, 'chrome.extension.inIncognitoContext')).toBe(false);
    await yt.close();
  });

  it('while paused a page sends nothing; on resume it counts without a reload', async () => {
    await resetDb(s);
    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dash.getByTestId('pause-hour').click();
    await dash.getByTestId('paused').waitFor();
    await settle(dash, 300);
    const received = await watchWorker(s);
    const yt = await s.context.newPage();
    await yt.goto(URLS.youtube);
    await settle(yt, 2_000);
    await likeTwice(yt);
    await settle(yt, 1_500);
    expect(await received()).toEqual([]);

    await dash.getByTestId('resume').click();
    await settle(dash, 300);
    await yt.locator('like-button-view-model button').click();
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    expect(events).toMatchObject([{ platform: 'youtube', detail: 'like' }]);
    for (const p of [dash, yt, popup]) await p.close();
  });
});
