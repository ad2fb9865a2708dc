import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  fixture,
  htmlRoute,
  launch,
  manyPostsPage,
  openPopup,
  resetDb,
  type Session,
  settle,
  storedEvents,
  URLS,
  waitForEvents,
  withEmulator,
} from './harness';

const BURST = 40;

/** A page that does everything a hostile page can to the extension. */
const HOSTILE = `<script>
  // Errors thrown from the page's own code.
  window.addEventListener('load', () => { setTimeout(() => { throw new Error('page error'); }, 0); });
  // From now on, listeners registered by anyone go nowhere (the platform's own are already in).
  EventTarget.prototype.addEventListener = function () { return undefined; };
</script>`;

let s: Session;
beforeAll(async () => {
  s = await launch({
    routes: [
      [/^https:\/\/x\.com\/many\/status\/\d+$/, htmlRoute(withEmulator(manyPostsPage(BURST), 'x'))],
      [
        /^https:\/\/www\.youtube\.com\/watch\?v=hostile00001$/,
        htmlRoute(withEmulator(fixture('youtube/watch-rendered.html'), 'youtube').replace(/<\/body>/, `${HOSTILE}</body>`)),
      ],
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

async function serviceWorkerTargets(): Promise<{ targetId: string; url: string }[]> {
  const cdp = await s.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no browser CDP session');
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string; targetId: string }[];
  };
  await cdp.detach();
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(s.extensionId));
}

/** Stops the extension's service worker, as the browser does when it is idle or under pressure. */
async function stopServiceWorker(): Promise<void> {
  const cdp = await s.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no browser CDP session');
  for (const t of await serviceWorkerTargets()) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  await cdp.detach();
}

const likes = <T extends { kind: string; detail: string }>(events: T[]) =>
  events.filter((e) => e.kind === 'reaction' && e.detail === 'like');

describe('faults survived', () => {
  it('loses no action and doubles none when the service worker is stopped in the middle of a burst', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    await page.goto('https://x.com/many/status/1');
    const buttons = page.locator('[data-testid="like"]');
    expect(await buttons.count()).toBe(BURST);
    let stops = 0;
    for (let i = 0; i < BURST; i++) {
      await page.locator('[data-testid="like"]').first().click();
      if (i === 12 || i === 27) {
        await stopServiceWorker();
        stops++;
      }
    }
    expect(stops).toBe(2);
    const popup = await openPopup(s);
    const events = await waitForEvents(popup, (e) => likes(e).length >= BURST, 30_000);
    await settle(popup, 2_000);
    const final = likes((await storedEvents(popup)).filter((e) => !e.undoneAt));
    expect(final).toHaveLength(BURST);
    expect(new Set(final.map((e) => e.targetKey)).size).toBe(BURST);
    expect(events.length).toBeGreaterThanOrEqual(BURST);
    await page.close();
    await popup.close();
  });

  it('stops old content scripts cleanly on reload, with no error in the page, and counts again after navigation', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(URLS.x);
    await page.locator('[data-testid="like"]').click();
    let popup = await openPopup(s);
    await waitForEvents(popup, (e) => likes(e).length === 1);
    await popup.close();

    // Load the extension again while the page stays open, as an update does.
    const cdp = await s.context.browser()?.newBrowserCDPSession();
    const reloaded = (await cdp?.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as
      | { id?: string }
      | undefined;
    expect(reloaded?.id).toBe(s.extensionId);
    await cdp?.detach();
    await settle(page, 2_000);
    s.worker = s.context.serviceWorkers().at(-1) ?? s.worker;

    popup = await openPopup(s);
    expect(likes(await storedEvents(popup)).length).toBe(1); // data kept across the reload
    // The next page load gets the new content script: counting resumes.
    await page.reload();
    await page.locator('[data-testid="retweet"]').click();
    await page.locator('[data-testid="retweetConfirm"]').click();
    // Both sightings of the repost, so that none arrives after this test.
    const events = await waitForEvents(popup, (e) => e.some((x) => x.detail === 'repost' && x.signal === 'dom+network'), 10_000);
    expect(events.map((e) => e.detail).sort()).toEqual(['like', 'repost']);
    expect(pageErrors).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('lets a hostile page break nothing and count nothing', async () => {
    await resetDb(s);
    const page = await s.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto('https://www.youtube.com/watch?v=hostile00001');
    await page.evaluate(async (extensionId) => {
      const like = document.querySelector('like-button-view-model button') as HTMLElement;
      // Spoofed clicks: element.click() and synthetic events.
      like.click();
      like.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      like.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      // A flood of mutations.
      const box = document.createElement('div');
      document.body.append(box);
      for (let i = 0; i < 10_000; i++) box.setAttribute('data-n', String(i));
      for (let i = 0; i < 2_000; i++) box.append(document.createElement('span'));
      // Forged messages: to the window, and to the extension (pages cannot reach it).
      window.postMessage({ type: 'sighting', platform: 'youtube', action: 'like', op: 'add', ts: Date.now() }, '*');
      const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome;
      try {
        chromeApi?.runtime?.sendMessage?.(extensionId, {
          type: 'sighting',
          platform: 'youtube',
          action: 'like',
          op: 'add',
          ts: Date.now(),
        });
      } catch {
        // expected: no externally_connectable
      }
      await new Promise((r) => setTimeout(r, 300));
    }, s.extensionId);
    const popup = await openPopup(s);
    await settle(popup, 2_000);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);
    // Only the page's own error, none from the extension.
    expect(pageErrors.every((e) => e.includes('page error'))).toBe(true);

    // The extension still works on that page: a real click counts.
    await page.locator('like-button-view-model button').click();
    await waitForEvents(popup, (e) => e.length === 1);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toMatchObject([{ platform: 'youtube', detail: 'like' }]);
    await page.close();
    await popup.close();
  });
});
