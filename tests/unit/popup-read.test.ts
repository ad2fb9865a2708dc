// @vitest-environment happy-dom
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPopup, startReading } from '@/entrypoints/popup/read';
import { localStamp } from '@/lib/db/local-time';
import { openDb } from '@/lib/db/open';

/**
 * The popup's head start (entrypoints/popup/read.ts): its numbers are read from the script's first
 * line, before the page listens for changes; a change announced meanwhile must not leave them stale.
 */
const changed = () => fakeBrowser.runtime.onMessage.trigger({ type: 'events-changed' }, {}, () => {});
const likes = (count: number) => ({
  day: localStamp(Date.now()).day,
  platform: 'youtube' as const,
  kind: 'reaction' as const,
  detail: 'like',
  count,
  measuredMs: 0,
  measuredCount: 0,
});

beforeEach(async () => {
  const db = openDb();
  await db.daily.clear();
  await db.daily.put(likes(1));
});

it('reads again when a change is announced before the first read takes the head start', async () => {
  startReading();
  await new Promise((r) => setTimeout(r, 50)); // the head start has read 1 like
  await openDb().daily.put(likes(2)); // the background stores another one, and says so
  await changed();
  expect((await readPopup('7d', () => {})).totals['7d']).toBe(2);
});

it('takes the head start when nothing changed (a write nobody announced is not seen, as before)', async () => {
  startReading();
  await new Promise((r) => setTimeout(r, 50));
  await openDb().daily.put(likes(2));
  expect((await readPopup('7d', () => {})).totals['7d']).toBe(1);
  // Taken once: the next read reads the database.
  expect((await readPopup('7d', () => {})).totals['7d']).toBe(2);
});
