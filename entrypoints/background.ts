import { browser } from 'wxt/browser';
import { Collector } from '@/lib/background/collector';
import { filtersOf, type RequestDetails } from '@/lib/background/network';
import { scheduleWeekly } from '@/lib/background/weekly';
import { welcomeOnInstall } from '@/lib/background/welcome';
import { exportBackup, importBackup } from '@/lib/db/backup';
import { openDb } from '@/lib/db/open';
import { rangeDays, summarize } from '@/lib/db/queries';
import type { ClickworkDB } from '@/lib/db/schema';
import { loadTracking, publishTracking } from '@/lib/db/tracking';
import { DETECTORS } from '@/lib/detectors/registry';
import { announce, type PageMessages, pageMessageType } from '@/lib/page-messages';
import { candidateRows } from '@/lib/research/export';

/** Today's count of real click-work on the toolbar button, when the user asked for it. */
async function updateBadge(db: ClickworkDB, wanted: boolean): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!wanted) return action.setBadgeText({ text: '' });
  const today = (await summarize(db, rangeDays('today'))).total;
  await action.setBadgeBackgroundColor({ color: '#0b57d0' });
  await action.setBadgeText({ text: today ? (today > 999 ? '999+' : String(today)) : '' });
}

export default defineBackground(() => {
  const db = openDb();
  const collector: Collector = new Collector(db, browser.runtime.id, () => {
    // Open extension pages redraw; with none open, nobody is listening and that is fine.
    announce('events-changed');
    updateBadge(db, collector.badgeWanted).catch(() => {});
  });
  // The user's tracking choices (pause, platforms, retention, private windows), read at each start.
  collector.refreshTracking().catch((error) => console.warn('[clickwork] could not read tracking settings', error));
  // Content scripts read them from extension storage (they never open the database): copied at each start.
  loadTracking(db)
    .then(publishTracking)
    .catch((error) => console.warn('[clickwork] could not publish tracking settings', error));

  // Answers once the message is stored: the content script resends what was not confirmed.
  // (sendResponse rather than a returned promise: Chromium's native `browser` drops Dexie promises.)
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    const type = pageMessageType(message);
    if (type === 'events-changed') return undefined;
    if (type === 'tracking-changed') {
      if (sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/')))
        collector.refreshTracking().catch(() => {});
      return undefined;
    }
    if (type === 'status') {
      // Extension pages ask whether writes are failing (a full disk): nothing else is answered.
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
      const reply: PageMessages['status'] = { storageProblem: collector.storageProblem ?? null };
      sendResponse(reply);
      return false;
    }
    const receipt = collector.receive(message, sender);
    if (!receipt.ok) {
      sendResponse({ ok: false, error: receipt.error });
      return false;
    }
    receipt.stored.then(
      () => sendResponse({ ok: true }),
      () => sendResponse({ ok: false, retry: true }),
    );
    return true;
  });

  // Requests are observed, never blocked or changed. Registered at the top level so that a
  // stopped service worker is woken up by them.
  const see = (details: unknown) => {
    try {
      collector.seeRequest(details as RequestDetails, DETECTORS);
    } catch (error) {
      console.error('[clickwork] request not understood', error);
    }
    return undefined;
  };
  browser.webRequest.onBeforeRequest.addListener(
    see,
    { urls: filtersOf(DETECTORS, false), types: ['xmlhttprequest', 'other', 'ping'] },
    ['requestBody'],
  );
  // Classic forms that submit as a page load (review forms): the top frame's POST to exactly the
  // endpoints of navigation rules. An empty list would mean every address, so none is then listened to.
  const pageLoads = filtersOf(DETECTORS, true);
  if (pageLoads.length)
    browser.webRequest.onBeforeRequest.addListener(see, { urls: pageLoads, types: ['main_frame'] }, ['requestBody']);

  // The weekly look back, when the user turned it on (lib/background/weekly.ts): listeners at the top level.
  scheduleWeekly(browser, db);

  if (import.meta.env.MODE === 'bench') {
    // Only in the benchmark's own build (wxt build --mode bench): lets it drive the intake directly.
    (globalThis as { clickworkBench?: unknown }).clickworkBench = { collector, db, exportBackup, importBackup, candidateRows };
  }

  // A first installation (not an update) opens the welcome page: what is counted, where, and how to begin.
  browser.runtime.onInstalled.addListener((details) => {
    welcomeOnInstall(
      details,
      (url) => browser.tabs.create({ url }),
      (path) => browser.runtime.getURL(path as '/'),
    ).catch((error) => console.warn('[clickwork] could not open the welcome page', error));
  });
});
