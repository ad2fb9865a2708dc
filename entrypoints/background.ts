import { browser } from 'wxt/browser';
import { observeRequests } from '@/lib/background/requests';
import { routeMessages, routePorts } from '@/lib/background/routing';
import { startCollector } from '@/lib/background/start';
import { scheduleWeekly } from '@/lib/background/weekly';
import { onInstalled } from '@/lib/background/welcome';
import { exportBackup, importBackup } from '@/lib/db/backup';
import { candidateRows } from '@/lib/research/export';

/*
 * The background's wiring. Every listener is registered synchronously, here at the top level of the
 * callback, in this order: an MV3 service worker stopped meanwhile is woken up by the events of the
 * listeners it registered on its first run, and an event is lost if its listener is added later.
 */
export default defineBackground(() => {
  // The database and the collector; the tracking choices are read (lib/background/start.ts).
  const { db, collector } = startCollector(browser);

  // Extension pages' and content scripts' messages (lib/background/routing.ts).
  browser.runtime.onMessage.addListener(routeMessages(browser, collector));
  // Content scripts' intake ports: gestures and health reports, which need no answer.
  browser.runtime.onConnect.addListener(routePorts(collector));

  // Requests are observed, never blocked or changed (lib/background/requests.ts): listeners at the top level.
  observeRequests(browser, collector);

  // The weekly look back, when the user turned it on (lib/background/weekly.ts): listeners at the top level.
  scheduleWeekly(browser, db);

  if ((import.meta.env as { WXT_BENCH?: string }).WXT_BENCH === '1') {
    // Only in the benchmark's own build (WXT_BENCH=1, `npm run bench`): lets it drive the intake directly.
    // The rest of that build is the release build's, its content scripts byte for byte.
    (globalThis as { clickworkBench?: unknown }).clickworkBench = { collector, db, exportBackup, importBackup, candidateRows };
  }

  // A first installation (not an update) opens the welcome page: what is counted, where, and how to begin.
  browser.runtime.onInstalled.addListener(onInstalled(browser));
});
