import type { browser as extensionBrowser } from 'wxt/browser';
import type { ClickworkDB } from '../db/schema';
import { userLocale } from '../i18n';
import { ensureMessages } from '../i18n-fallback';
import { claimDueWeek, loadWeekly } from '../weekly/store';
import { weeklyNumbers, weeklyText } from '../weekly/summary';
import { dueWeek } from '../weekly/week';

export const WEEKLY_ALARM = 'weekly-look-back';
/** How often the background asks whether a look back is due (one small read): within the hour after Monday 00:00. */
const CHECK_EVERY_MINUTES = 60;

/** A transparent pixel: Chromium refuses a notification without an icon; the manifest's own is used when it has one. */
const BLANK_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

type Browser = typeof extensionBrowser;
type Notifications = NonNullable<Browser['notifications']>;

/** The notifications API, present only while the user has granted that optional permission. */
async function notificationsGranted(browser: Browser): Promise<Notifications | null> {
  const granted = await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
  return granted && browser.notifications ? browser.notifications : null;
}

function iconUrl(browser: Browser): string {
  const icons = browser.runtime.getManifest().icons as Record<string, string> | undefined;
  const path = icons?.['128'] ?? icons?.['48'];
  return path ? browser.runtime.getURL(`/${path.replace(/^\//, '')}` as '/') : BLANK_ICON;
}

/**
 * Shows the look back as a notification when one is due, the user chose notifications and the
 * browser grants them. Otherwise nothing: the popup shows it as a card (entrypoints/popup).
 */
export async function checkWeekly(browser: Browser, db: ClickworkDB, now = Date.now()): Promise<void> {
  const state = await loadWeekly(db);
  if (!state.notify || !dueWeek(state, now)) return;
  const notifications = await notificationsGranted(browser);
  if (!notifications) return;
  const week = await claimDueWeek(db, now);
  if (!week) return;
  // The chosen interface language and its catalogue first (the worker's catalogue may also be empty:
  // lib/i18n-fallback.ts); the locale and the text follow them.
  await ensureMessages();
  const numbers = await weeklyNumbers(db, week, userLocale());
  // A week with nothing counted is handled without a word.
  if (numbers.total === 0) return;
  const { title, lines } = weeklyText(numbers);
  await notifications.create(`${WEEKLY_ALARM}|${week}`, {
    type: 'basic',
    iconUrl: iconUrl(browser),
    title,
    message: lines.join('\n'),
  });
}

/**
 * The hourly alarm (browsers may drop alarms at a restart: it is made again at each start) and the
 * check at start, so that a week that ended while the browser was closed is looked back on once.
 */
export function scheduleWeekly(browser: Browser, db: ClickworkDB): void {
  const check = () => checkWeekly(browser, db).catch((error) => console.warn('[clickwork] weekly look back', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WEEKLY_ALARM) check();
  });
  browser.alarms
    .get(WEEKLY_ALARM)
    .then((existing) => {
      if (!existing) browser.alarms.create(WEEKLY_ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MINUTES });
    })
    .catch(() => {});
  // The notifications API appears when the user grants it, possibly while the background runs.
  let listening = false;
  const listen = () => {
    if (listening || !browser.notifications) return;
    listening = true;
    browser.notifications.onClicked.addListener((id) => {
      if (id.startsWith(`${WEEKLY_ALARM}|`)) browser.runtime.openOptionsPage().catch(() => {});
    });
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
  check();
}
