import type { browser as extensionBrowser } from 'wxt/browser';
import { openDb } from '../db/open';
import { rangeDays, summarize } from '../db/queries';
import type { ClickworkDB } from '../db/schema';
import { loadTracking, publishTracking } from '../db/tracking';
import { announce } from '../page-messages';
import { Collector } from './collector';

type Browser = typeof extensionBrowser;

/** Today's count of real click-work on the toolbar button, when the user asked for it. */
export async function updateBadge(browser: Browser, db: ClickworkDB, wanted: boolean): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!wanted) return action.setBadgeText({ text: '' });
  const today = (await summarize(db, rangeDays('today'))).total;
  await action.setBadgeBackgroundColor({ color: '#0b57d0' });
  await action.setBadgeText({ text: today ? (today > 999 ? '999+' : String(today)) : '' });
}

/**
 * The database and the collector, at each start of the background: each write tells the open pages
 * and redraws the badge, and the user's tracking choices are read (and copied for the content scripts).
 * Registers no listener: the background's entry does, in order, at its top level.
 */
export function startCollector(browser: Browser): { db: ClickworkDB; collector: Collector } {
  const db = openDb();
  const collector: Collector = new Collector(db, browser.runtime.id, () => {
    // Open extension pages redraw; with none open, nobody is listening and that is fine.
    announce('events-changed');
    updateBadge(browser, db, collector.badgeWanted).catch(() => {});
  });
  // The user's tracking choices (pause, platforms, retention, private windows), read at each start.
  collector.refreshTracking().catch((error) => console.warn('[clickwork] could not read tracking settings', error));
  // Content scripts read them from extension storage (they never open the database): copied at each start.
  loadTracking(db)
    .then(publishTracking)
    .catch((error) => console.warn('[clickwork] could not publish tracking settings', error));
  return { db, collector };
}
