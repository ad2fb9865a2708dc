/**
 * Switching a platform off and on in the dashboard, against what Chromium really does with the
 * extension's site access. Measured (Chromium 156): access granted at installation cannot be given
 * back by the extension (`permissions.remove` rejects "You cannot remove required permissions.",
 * also when the patterns are listed in optional_host_permissions too); the user can withdraw it in
 * the browser's extension settings (Site access), and then Chromium injects no content script and
 * `permissions.request` shows a prompt — which headless Chromium never answers. The user's side of
 * the browser settings is driven here through chrome://extensions' own API, as its page does.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectorFor } from '@/lib/detectors/registry';
import type { Detector } from '@/lib/detectors/types';
import { platformPatterns } from '@/lib/permissions';
import {
  launch,
  openPopup,
  resetDb,
  type Session,
  seriousViolations,
  settle,
  storedEvents,
  URLS,
  waitForEvents,
} from './harness';

const YOUTUBE = platformPatterns(detectorFor('youtube') as Detector);
const X = platformPatterns(detectorFor('x') as Detector);

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

/** What the browser grants the extension, asked from one of its pages. */
const contains = (page: Page, origins: string[]) =>
  page.evaluate(
    (o) =>
      (
        globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }
      ).chrome.permissions.contains({ origins: o }),
    origins,
  );

/** Opens a platform page and tells whether the extension's content script ran in it (its own JS world). */
async function visit(url: string): Promise<{ page: Page; contentScript: boolean }> {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  let contentScript = false;
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.origin === `chrome-extension://${s.extensionId}`) contentScript = true;
  });
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await settle(page, 300);
  return { page, contentScript };
}

/** The browser's extension settings, "Site access": what the user can change there. */
async function siteAccess(change: 'withdraw youtube' | 'grant youtube'): Promise<void> {
  const page = await s.context.newPage();
  await page.goto(`chrome://extensions/?id=${s.extensionId}`);
  await page.evaluate(
    async ([id, change, youtube]) => {
      type Dp = {
        getExtensionInfo(id: string): Promise<{ permissions: { runtimeHostPermissions: { hosts: { host: string }[] } } }>;
        updateExtensionConfiguration(c: object): Promise<void>;
        addHostPermission(id: string, host: string): Promise<void>;
      };
      const dp = (globalThis as unknown as { chrome: { developerPrivate: Dp } }).chrome.developerPrivate;
      if (change === 'grant youtube') {
        for (const host of youtube) await dp.addHostPermission(id, host);
        return;
      }
      // "On specific sites", with every site but YouTube's.
      const hosts = (await dp.getExtensionInfo(id)).permissions.runtimeHostPermissions.hosts.map((h) => h.host);
      await dp.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      for (const host of hosts) if (!youtube.includes(host)) await dp.addHostPermission(id, host);
    },
    [s.extensionId, change, YOUTUBE] as const,
  );
  await page.close();
}

describe('a platform switched off and on', () => {
  it('stops counting at once; the access Chromium keeps is shown as kept, and a withdrawn one can be asked back', async () => {
    await resetDb(s);
    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    const youtube = dash.getByTestId('switch-youtube');
    await youtube.waitFor();
    expect(await youtube.isChecked()).toBe(true);
    expect(await dash.getByTestId('access-youtube').count()).toBe(0);
    expect(await contains(dash, YOUTUBE)).toBe(true);

    // Off: the extension asks Chromium to take the access back; Chromium keeps what it granted at
    // installation, and the dashboard says so rather than pretending.
    await youtube.uncheck();
    await dash.getByTestId('access-youtube').filter({ hasText: 'not counted; the browser keeps the site access' }).waitFor();
    expect(await dash.getByTestId('access-note').textContent()).toMatch(/keep the access granted at installation/);
    expect(await contains(dash, YOUTUBE)).toBe(true);
    expect(await contains(dash, X)).toBe(true);
    await dash.getByTestId('tracking').screenshot({ path: 'test-results/tracking-kept.png' });
    expect(await seriousViolations(dash)).toEqual([]);

    // A like on YouTube is not counted (its content script still runs: the access was kept); one on X is.
    const yt = await visit(URLS.youtube);
    expect(yt.contentScript).toBe(true);
    await yt.page.locator('like-button-view-model button').click();
    const x = await visit(URLS.x);
    await x.page.locator('[data-testid="like"]').click();
    const popup = await openPopup(s);
    await waitForEvents(popup, (e) => e.length === 1 && e[0]?.signal === 'dom+network');
    await settle(popup, 1_000);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt).map((e) => e.platform)).toEqual(['x']);
    await Promise.all([yt.page.close(), x.page.close()]);

    // On again: access is there, nothing to ask.
    await youtube.check();
    await expect.poll(() => dash.getByTestId('access-youtube').count()).toBe(0);

    // The user withdraws YouTube's access in the browser's settings: the open dashboard shows it as
    // not counted, with a button to ask for it, and Chromium no longer runs the content script there.
    await siteAccess('withdraw youtube');
    await dash.getByTestId('access-youtube').filter({ hasText: 'no access to its sites: not counted' }).waitFor();
    expect(await youtube.isChecked()).toBe(false);
    await dash.getByTestId('tracking').screenshot({ path: 'test-results/tracking-access.png' });
    expect(await seriousViolations(dash)).toEqual([]);
    expect(await contains(dash, YOUTUBE)).toBe(false);
    expect(await contains(dash, X)).toBe(true);
    const withdrawn = await visit(URLS.youtube);
    expect(withdrawn.contentScript).toBe(false);
    await withdrawn.page.locator('like-button-view-model button').click();
    await settle(withdrawn.page, 1_500);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt).map((e) => e.platform)).toEqual(['x']);
    await withdrawn.page.close();

    // "Allow access" asks the browser from the click itself: Chromium shows its prompt, which
    // headless Chromium leaves unanswered — the dashboard says it is waiting, and nothing is granted.
    await dash.getByTestId('allow-youtube').click();
    await dash.getByTestId('access-youtube').filter({ hasText: 'waiting for your answer to the browser’s prompt' }).waitFor();
    expect(await contains(dash, YOUTUBE)).toBe(false);

    // The user grants it (here through the settings, the prompt being out of reach): counted again.
    await siteAccess('grant youtube');
    await expect.poll(() => youtube.isChecked()).toBe(true);
    expect(await dash.getByTestId('access-youtube').count()).toBe(0);
    const back = await visit(URLS.youtube);
    expect(back.contentScript).toBe(true);
    await back.page.locator('like-button-view-model button').click();
    const events = await waitForEvents(popup, (e) => e.some((x) => x.platform === 'youtube' && x.signal === 'dom+network'));
    expect(events.map((e) => e.platform).sort()).toEqual(['x', 'youtube']);
    for (const p of [back.page, dash, popup]) await p.close();
  });
});
